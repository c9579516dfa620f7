import type { FragmentSet } from "../fragment-format";

/** Chinese look-alikes and unrelated stories (GBK-safe, like zh.ts). */
export const zhTraps: FragmentSet = {
  lang: "zh",
  pools: {
    duishou: ["KTM 1290", "杜卡迪Multistrada V4", "本田非洲双缸"],
    xianka: ["RTX 5090", "RTX 5080", "RTX 5070 Ti"],
    kuangchan: ["镓", "锗", "锑", "钨"],
  },
  templates: `
    01-01..03-31 trap life
    宝马R 1300 GS国内上市，拉力摩托再升级
    新车车重更轻、动力更强，售价较上一代有所上涨。

    01-01..03-31 trap life
    雅马哈YZF-R1新款亮相，加入空气动力学套件
    这款超级跑车采用了源自赛道的定风翼设计。

    01-22..02-10 trap tech
    英伟达GeForce {xianka}评测：DLSS 4加持下帧率大涨
    新一代显卡性能提升明显，但功耗和价格同样走高。

    02-01..03-31 trap tech
    英伟达发布新版驱动，修复{xianka}黑屏问题
    此前不少用户反映新显卡出现闪屏和崩溃。

    01-01..03-31 trap tech
    回顾华为Ascend手机：从P6到Mate的品牌之路
    十年前，华为曾以Ascend系列智能手机冲击高端市场。

    01-01..03-31 trap world
    中国对{kuangchan}相关物项实施出口管制
    商务部表示，此举旨在维护国家安全和利益。

    01-06..01-10 trap tech
    黄仁勋CES演讲：发布机器人世界模型与桌面AI超级计算机
    英伟达展示了面向机器人和自动驾驶的新平台。

    01-01..03-31 trap world
    非洲移动支付快速增长，肯尼亚手机钱包用户再创新高
    越来越多农村商户开始接受手机支付。

    01-01..03-31 trap world
    巴西筹备第三十届联合国气候变化大会
    会议将于今年11月在亚马孙地区城市贝伦举行。

    01-01..03-31 trap life
    Rivian R1S召回部分车辆
    这家美国电动车企表示，将为车主免费维修。

    01-01..03-31 trap life
    宝马R 1300 GS对比{duishou}：大排量探险车怎么选
    两款车型在长途与越野路段的表现各有所长。

    01-28..02-10 trap tech
    阿里巴巴发布通义千问2.5-Max大模型
    阿里巴巴称，新模型在多项评测中表现领先。

    01-01..03-31 trap markets
    英特尔股价大涨，市场传出代工合作消息
    投资者期待这家芯片公司为其工厂找到合作伙伴。
  `,
};
