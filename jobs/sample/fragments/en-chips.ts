import type { FragmentSet } from "../fragment-format";

/** English: Huawei's Ascend accelerators (ascend-chips) and US/allied chip export controls (export-controls). */
export const enChips: FragmentSet = {
  lang: "en",
  pools: {
    weakness: ["software", "yield", "memory bandwidth", "large-scale training"],
    hub: ["Singapore", "Malaysia", "Thailand", "the UAE", "Vietnam"],
    ally: ["the Netherlands", "Japan", "South Korea", "Taiwan", "Germany"],
    chinaFirm: [
      "China Mobile",
      "China Telecom",
      "a state-owned bank",
      "a Shenzhen carmaker",
      "a provincial government cloud",
    ],
    cnChip: ["Cambricon", "Hygon", "Moore Threads", "Biren", "Kunlunxin"],
    entityCount: ["dozens of", "more than 20", "about 80", "several"],
  },
  context: `
    01-01 asc Huawei's Ascend 910B is widely seen as China's most capable domestic AI accelerator.
    02-01 asc Huawei Cloud and the start-up SiliconFlow began serving DeepSeek's models on Ascend chips in early February.
    01-01 ec Washington has restricted sales of advanced Nvidia GPUs to China since October 2022, tightening the rules each year.
    01-13 ec The AI diffusion rule sorts countries into three tiers, with caps on chip imports for most of the world.
    01-30 ec The H20 is the most powerful Nvidia data-centre chip that can still be sold legally in China.
  `,
  templates: `
    01-02..01-19 asc
    Huawei ramps up production of its Ascend 910C despite US curbs
    The company aims to ship hundreds of thousands of the AI processors this year, people familiar with the plans say.

    01-06..01-19 asc
    Chinese AI labs test Huawei's home-grown accelerators as Nvidia supply tightens
    Engineers say the Ascend 910B still lags the H100 but the CANN software stack is improving.

    01-22..01-31 asc
    Could DeepSeek run without Nvidia? All eyes turn to Huawei's Ascend
    The efficiency of R1 has raised hopes in Beijing that domestic chips are good enough for frontier-class models.

    02-01..02-07 asc
    Huawei Cloud offers DeepSeek-R1 running on Ascend chips
    A partnership with SiliconFlow lets customers use the reasoning model served entirely on Huawei's AI accelerators.

    02-02..02-14 asc
    DeepSeek's models run on Ascend 910C at 60% of H100 speed, researchers claim
    A post by a DeepSeek researcher says Huawei's chip handles inference well, though training still favours Nvidia.

    02-03..02-28 asc
    {chinaFirm} deploys DeepSeek on domestic AI chips
    The roll-out uses servers built around Huawei's Ascend processors rather than imported Nvidia hardware.

    02-05..03-10 asc
    Inside Huawei's push to make Ascend the default for China's AI industry
    Engineers have been sent to customers to port models from Nvidia's CUDA to the CANN toolkit.

    02-10..03-31 asc
    Huawei's AI chip yields improve to about 40%, report says
    Better yields for the Ascend 910C would help Huawei meet demand unleashed by DeepSeek's cheap models.

    02-15..03-31 asc
    The Shenzhen giant's accelerators win orders as Chinese firms hedge against US curbs
    Tech companies are buying Atlas servers powered by Ascend chips alongside their stock of Nvidia H20s.

    03-01..03-31 asc
    Teardown finds TSMC-made dies in Huawei's AI processors
    Researchers say some Ascend chips contain parts made before export rules cut Huawei off from TSMC.

    02-10..03-31 asc
    {cnChip} and Huawei race to fill the gap left by Nvidia in China
    Domestic chipmakers say demand from DeepSeek deployments has outstripped supply.

    03-15..03-31 asc
    Huawei plans a successor to the Ascend 910C as it courts AI developers
    The company is said to be working on a faster chip and larger clusters for training.

    01-08..01-12 ec
    US readies sweeping rule to cap AI chip exports worldwide
    The outgoing administration's plan would limit sales of advanced GPUs to most countries outside a group of allies.

    01-13..01-15 ec
    Washington unveils AI diffusion rule limiting chip exports to most of the world
    The framework puts countries in three tiers and keeps the most advanced chips out of China's reach.

    01-13..01-17 ec
    Nvidia attacks Biden's last-minute AI chip rule as "unprecedented"
    The company says the diffusion framework would hand markets to Chinese competitors.

    01-15..01-19 ec
    US adds {entityCount} Chinese chip and AI firms to the Entity List
    The Commerce Department also ordered foundries to vet customers more closely for advanced chips.

    01-15..01-24 ec
    {ally} tightens curbs on chipmaking tool exports to China
    The new rules extend licence requirements to equipment used to measure and inspect advanced chips.

    01-27..02-05 ec
    Did export controls fail? DeepSeek's success reignites the chip-ban debate
    Hawks say the model shows controls must be tighter; critics say they only forced Chinese labs to be efficient.

    01-29..02-10 ec
    Trump officials weigh curbs on Nvidia H20 sales to China
    Restricting the chip that DeepSeek and others rely on would close one of the last legal channels for Nvidia in China.

    01-30..02-14 ec
    US investigates whether DeepSeek got Nvidia chips through {hub}
    Officials are looking at whether restricted processors reached the Chinese lab via intermediaries.

    01-29..02-07 ec
    Commerce nominee vows tough chip controls after DeepSeek shock
    Howard Lutnick told senators that Chinese firms had exploited US technology and promised stricter enforcement.

    02-05..03-15 ec
    Chinese firms stockpile H20 chips before possible US ban
    Orders for Nvidia's China-specific processor have jumped since DeepSeek's models took off.

    02-27..03-10 ec
    Singapore charges three men in a fraud case linked to servers with Nvidia chips
    Prosecutors say the servers may have been shipped on to other countries in breach of export rules.

    02-28..03-31 ec
    {hub} vows to tighten checks on AI chip shipments after smuggling concerns
    The government says it will not let the country be used to evade US export controls.

    03-01..03-31 ec
    How restricted Nvidia GPUs still reach China: a smuggling route through {hub}
    Traders describe a grey market in which servers are relabelled and moved through shell companies.

    03-25..03-31 ec
    US blacklists about 80 companies, including Chinese AI and chip firms
    The latest Entity List additions target suppliers accused of helping China's military and supercomputing efforts.

    03-01..03-31 ec
    Lawmakers press for chip tracking to stop smuggling of AI processors
    A proposed bill would require location verification for advanced chips sold abroad.

    02-10..03-31 ec
    Washington squeezes Beijing's access to advanced chipmaking tools again
    Allies are under pressure to restrict servicing of equipment already installed in Chinese fabs.

    02-01..03-31 ec
    The chip curbs that shaped DeepSeek: how H800 limits pushed a lab to innovate
    Engineers optimised low-level GPU code because they could not buy the fastest hardware.

    01-01..01-19 ec
    {ally} weighs joining US curbs on servicing chip tools in China
    Washington wants allies to stop maintenance of advanced equipment already installed in Chinese fabs.

    01-01..01-19 asc
    Chinese AI labs turn to {cnChip} and Huawei as Nvidia stockpiles run down
    Companies that hoarded H800s before the 2023 ban are now testing domestic accelerators.

    01-22..01-26 ec
    A Chinese lab built R1 despite US chip curbs. Washington takes note
    DeepSeek's engineers trained on H800s, a chip designed to comply with earlier export rules.

    01-21..01-26 asc
    Huawei's Ascend could gain from DeepSeek's efficiency, analysts say
    Models that need less computing make domestic accelerators a more realistic option for Chinese companies.

    02-10..03-31 ec
    {ally} under pressure to stop servicing chipmaking tools in China
    Washington wants allies to cut support for advanced equipment already installed in Chinese fabs.

    02-15..03-31 asc
    Huawei's Ascend: {weakness} remains the weak spot as China shifts from Nvidia
    Engineers say the chips have improved fast, but gaps remain in key areas.
  `,
};
