import type { FragmentSet } from "../fragment-format";

/** English: Nvidia's share price and market value (the nvidia-valuation topic). */
export const enMarkets: FragmentSet = {
  lang: "en",
  pools: {
    analyst: [
      "Bernstein",
      "Morgan Stanley",
      "Jefferies",
      "Citi",
      "Wedbush",
      "Goldman Sachs",
      "UBS",
      "Bank of America",
    ],
    dip: ["2.9%", "3.4%", "4.1%", "5.3%", "6.2%", "3.7%", "4.8%"],
    gain: ["2.6%", "3.1%", "4.0%", "5.2%", "3.8%"],
    target: ["$150", "$165", "$175", "$180", "$200", "$160"],
    chipPeer: ["Broadcom", "TSMC", "ASML", "Marvell", "Micron", "Arm", "Advantest", "Tokyo Electron"],
    index: ["the Nasdaq", "the S&P 500", "the Philadelphia Semiconductor Index"],
  },
  context: `
    01-27 nv Nvidia lost about $589bn of market value on 27 January, the biggest one-day loss for any US company.
    01-27 nv The shares fell 17% as investors questioned how many chips AI really needs after DeepSeek's release.
    01-29 nv Nvidia's stock had recovered part of the loss within days but remained below its January peak.
    02-27 nv Nvidia reported quarterly revenue of $39.3bn, up 78% from a year earlier, on 26 February.
  `,
  templates: `
    01-02..01-10 nv
    Nvidia starts 2025 as the market's AI bellwether after a 170% rally
    Analysts expect demand for Blackwell chips to keep data-centre revenue climbing through the year.

    01-06..01-16 nv
    Nvidia shares slip {dip} after record high as investors take profits
    The stock hit an intraday record before turning lower, weighed by worries over export rules.

    01-13..01-16 nv
    Chip stocks fall as Washington unveils new AI export framework
    Nvidia said the rule would hurt innovation; its shares and those of {chipPeer} declined.

    01-21..01-24 nv
    Nvidia rises as Stargate plan promises $500bn in AI spending
    Investors read the OpenAI, SoftBank and Oracle venture as a vote for years of chip demand.

    01-24..01-26 nv
    Some investors start asking if DeepSeek threatens the AI chip trade
    A cheap Chinese model has fund managers questioning the spending plans behind Nvidia's valuation.

    01-27 nv
    Nvidia plunges 17%, wiping out nearly $600bn in market value
    The chipmaker suffered the largest one-day loss of market value in US history as a Chinese AI model rattled investors.

    01-27 nv
    Tech sell-off: {index} tumbles as DeepSeek fears hit AI stocks
    Nvidia led the decline while {chipPeer} and power-utility stocks tied to data centres also fell sharply.

    01-27 nv
    The chipmaker shed $600bn in a day. Here's what spooked investors
    A model trained for a fraction of the usual cost has upended assumptions about how many GPUs the AI boom needs.

    01-27 nv
    Nvidia loses its crown as world's most valuable company
    After the 17% slide, Apple and Microsoft are again worth more than the graphics-chip maker.

    01-27 nv
    {chipPeer} shares hit as AI chip rout spreads
    The sell-off that began in Nvidia spread to suppliers and rivals across the semiconductor industry.

    01-27 nv
    Jensen Huang's fortune shrinks by about $20bn in Nvidia rout
    The chief executive's personal wealth fell with the stock, according to billionaire rankings.

    01-27..01-28 nv
    AI's darling loses a sixth of its value as China's cheap model rattles Wall Street
    Traders dumped the most crowded trade of the past two years after DeepSeek's release went viral.

    01-27..01-28 nv
    {analyst} says the Nvidia sell-off is overdone
    The bank argues cheaper AI models will increase, not cut, demand for computing power.

    01-28 nv
    Nvidia rebounds nearly 9% after record rout
    Buyers returned a day after the biggest one-day loss of market value ever, though the stock remained well below its peak.

    01-28 nv
    Trump calls DeepSeek a "wake-up call" as chip stocks try to recover
    The president said the release should be positive for US industry if it leads to cheaper AI.

    01-28..01-29 nv
    Jevons paradox: why some investors bought the Nvidia dip
    Cheaper models could mean more AI use overall, and with it more demand for chips, bulls argue.

    01-28..01-31 nv
    Nvidia says DeepSeek's work is "an excellent AI advancement"
    The company said inference still requires significant numbers of its GPUs, as its shares tried to stabilise.

    01-29..02-07 nv
    After the $589bn day: how fund managers are repositioning on AI chips
    Some are rotating into software companies they expect to benefit from cheaper models.

    01-30..02-14 nv
    Big Tech doubles down on AI spending despite DeepSeek, easing Nvidia fears
    Microsoft, Meta, Alphabet and Amazon all signalled higher capital spending in their latest results.

    02-03..02-21 nv
    Nvidia shares claw back losses as DeepSeek shock fades
    The stock has recovered much of its late-January slide, though volatility remains high.

    02-10..02-25 nv
    {analyst} raises Nvidia target to {target} ahead of earnings
    The bank expects strong Blackwell shipments to reassure investors shaken by DeepSeek.

    02-20..02-26 nv
    Nvidia earnings preview: all eyes on Blackwell and the DeepSeek question
    Investors want to hear whether cheaper AI models change the chipmaker's data-centre outlook.

    02-26..02-27 nv
    Nvidia revenue jumps 78% to $39.3bn, guidance tops estimates
    The chipmaker said demand for reasoning models such as DeepSeek-R1 needs more computing, not less.

    02-27 nv
    Nvidia shares sink 8.5% a day after results as margin worries mount
    A forecast for lower gross margins overshadowed record sales, dragging chip stocks down.

    02-27..03-07 nv
    Nvidia's stock is now below its pre-DeepSeek level. What next?
    The shares have erased their post-earnings gains amid tariff fears and doubts about AI spending.

    03-03..03-05 nv
    Nvidia drops {dip} as tariff worries hit chip stocks
    The slide took the company's market value further below $3tn.

    03-10..03-12 nv
    Tech rout deepens: Nvidia and {chipPeer} slide as {index} tumbles
    Recession fears and tariffs drove the worst day for technology stocks since the January sell-off.

    03-13..03-21 nv
    Nvidia's GTC keynote fails to lift the stock
    Shares slipped {dip} after Jensen Huang laid out a roadmap that investors had largely expected.

    03-20..03-31 nv
    Nvidia ends the quarter down sharply from its January peak
    The stock has lost roughly a fifth of its value since the DeepSeek sell-off began.

    03-01..03-31 nv
    {analyst}: Nvidia's valuation now looks cheap after the correction
    The chipmaker trades at its lowest forward earnings multiple in years, the bank says.

    03-01..03-31 nv
    Nvidia gains {gain} as investors buy the dip in chip stocks
    A rebound in technology shares lifted the AI chipmaker after weeks of losses.

    02-01..02-25 nv
    Nvidia rises {gain} as AI spending plans reassure investors
    Strong capital expenditure forecasts from cloud giants eased concerns raised by the DeepSeek episode.

    01-02..01-12 nv
    {analyst} names Nvidia its top AI pick for 2025
    The bank expects the Blackwell ramp to lift earnings well above consensus.

    01-07..01-09 nv
    Nvidia slides 6% a day after record close as CES keynote fails to excite
    Investors took profits after the chipmaker's shares hit an all-time high on Monday.

    01-24..01-25 nv
    Nvidia slips {dip} as DeepSeek chatter spreads on trading desks
    Some fund managers cut positions in AI hardware after the Chinese lab's release.
  `,
};
