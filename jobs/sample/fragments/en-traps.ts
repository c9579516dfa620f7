import type { FragmentSet } from "../fragment-format";

/**
 * English look-alikes and unrelated stories: "R1" that is not DeepSeek, "Ascend" that is not Huawei's chip,
 * Nvidia product news with no market angle, export controls on other goods, Global South stories without AI.
 */
export const enTraps: FragmentSet = {
  lang: "en",
  pools: {
    suv: ["Tesla Model X", "Kia EV9", "Volvo EX90", "Lucid Gravity"],
    bike: [
      "KTM 1290 Super Adventure",
      "Ducati Multistrada V4",
      "Honda Africa Twin",
      "Harley-Davidson Pan America",
    ],
    sportbike: ["Ducati Panigale V4", "Honda Fireblade", "Kawasaki ZX-10R", "Aprilia RSV4"],
    goods: ["firearms", "crowd-control equipment", "biotechnology lab equipment", "gas turbine parts"],
    gain: ["3.2%", "5.1%", "7.4%", "4.6%"],
    rivianIssue: [
      "a seat-belt fault",
      "a software glitch in the rear-view camera",
      "a loose steering component",
      "a windscreen wiper defect",
    ],
    gsRoad: ["the Alps", "the Karoo", "Patagonia", "the Scottish Highlands", "the Garden Route"],
    mineral: ["gallium", "germanium", "antimony", "tungsten", "graphite"],
    gpu: ["RTX 5090", "RTX 5080", "RTX 5070 Ti", "RTX 5070"],
    game: ["Cyberpunk 2077", "Alan Wake 2", "Black Myth: Wukong", "Indiana Jones and the Great Circle"],
    southEvent: [
      "a mobile-money boom",
      "record remittances",
      "a drought in the maize belt",
      "a fuel-subsidy reform",
      "a new port concession",
    ],
    usState: ["New Jersey", "Ohio", "Illinois", "Pennsylvania", "Michigan", "Massachusetts"],
    southPlace: ["Kenya", "Nigeria", "Ghana", "Senegal", "Bangladesh", "Peru", "Bolivia", "Zambia"],
  },
  templates: `
    01-01..03-31 trap life
    Tested: the BMW R 1300 GS on the roads of {gsRoad}
    BMW's big adventure bike is lighter and sharper than the R 1250 it replaces, though the options list is long.

    01-01..03-31 trap life
    Rivian recalls R1S and R1T vehicles over {rivianIssue}
    The electric-truck maker says owners will get a free fix; no injuries have been reported.

    01-03..01-10 trap markets
    Rivian's fourth-quarter deliveries beat forecasts as R1 demand holds up
    The electric-vehicle maker delivered more SUVs and pickups than analysts expected.

    01-01..03-31 trap life
    Yamaha's 2025 YZF-R1 gets winglets and new electronics
    The superbike's update brings aerodynamic wings from racing and revised traction control.

    02-20..03-31 trap life
    WorldSBK: Yamaha's R1 riders chase the podium in the new season
    The factory team has upgraded its YZF-R1 after a difficult year against Ducati.

    01-01..03-31 trap world
    Religious groups urge faster processing of R-1 visas
    Churches and temples say foreign clergy wait months for the temporary religious-worker visas.

    01-01..03-31 trap tech
    Remember the Huawei Ascend? A look back at the phones that came before the Mate
    A decade ago the Ascend P6 and Ascend Mate were Huawei's first tries at premium handsets.

    01-01..03-31 trap markets
    Ascend Wellness opens new dispensaries in {usState}
    The cannabis operator says same-store sales were steady in the latest quarter.

    02-01..03-31 trap markets
    Ascend Wellness reports wider quarterly loss as cannabis prices fall
    The multi-state operator blamed price compression in its main markets.

    02-15..03-31 trap markets
    Ascend Performance Materials hires advisers as nylon maker faces debt pressure
    The Houston-based chemicals company is exploring options after a slump in demand.

    01-01..03-31 trap life
    Climbers ascend Aconcagua in record time despite fierce winds
    The team reached the summit of the Americas' highest peak in under a day from base camp.

    01-22..02-05 trap tech
    {gpu} review: Nvidia's new GeForce card is fast, loud and expensive
    Multi-frame generation with DLSS 4 pushes frame rates in {game}, but raw gains over the last generation are modest.

    02-01..03-31 trap tech
    Nvidia's latest GeForce driver fixes black screens on {gpu} cards
    Owners had reported crashes and flickering since the Blackwell graphics cards launched.

    01-06..01-10 trap tech
    Nvidia unveils Cosmos world models and a desktop AI computer at CES
    Jensen Huang's keynote showed robots and self-driving cars trained with simulated worlds.

    03-18..03-21 trap tech
    Nvidia shows humanoid robots and new AI servers at its GTC conference
    The keynote introduced Blackwell Ultra and a roadmap for the next generation of data-centre systems.

    01-01..03-31 trap world
    China extends export controls on {mineral}, squeezing Western suppliers
    The restrictions on the critical mineral follow Beijing's ban on shipments to the United States.

    02-20..03-31 trap world
    EU adopts new sanctions on Russia, including export bans on dual-use goods
    The package targets machine tools, chemicals and components that could be used by the military.

    01-01..03-31 trap world
    India eases curbs on rice exports as stocks swell
    The government eased rules on some varieties after a bumper harvest.

    01-01..03-31 trap world
    {southPlace} economy: {southEvent} reshapes the outlook
    Economists say the trend will shape growth and inflation through the rest of the year.

    02-18..02-23 trap world
    South Africa hosts G20 foreign ministers as Washington stays away
    Pretoria used its presidency to push debt relief and climate finance for developing countries.

    01-01..03-31 trap world
    Brazil prepares for COP30 in Belém as climate finance talks stall
    Organisers want the summit to focus on forests and on money for poorer nations.

    01-23..02-10 trap tech
    OpenAI unveils Operator, an agent that can use a web browser
    The assistant can book tables and fill in forms, the company says, and is available to Pro subscribers.

    01-21..01-31 trap markets
    Stargate: OpenAI, SoftBank and Oracle pledge up to $500bn for US data centres
    The venture will start with a site in Texas, the companies said at the White House.

    01-01..03-31 trap life
    Formula Regional: rookie takes pole at the season opener
    The 17-year-old set the fastest time in a wet qualifying session.

    01-01..03-31 trap life
    Rivian R1S vs {suv}: which electric SUV is the better family car?
    We drove both for a week with children, luggage and a long motorway trip.

    01-01..03-31 trap life
    BMW R 1300 GS Adventure vs {bike}: the big-adventure showdown
    Two heavyweight touring bikes, one long loop of gravel and tarmac.

    01-01..03-31 trap life
    Yamaha R1 or {sportbike}? Choosing a superbike for track days
    The Yamaha remains a favourite at club level, but rivals have closed the gap.

    01-01..03-31 trap markets
    {southPlace}'s central bank holds rates as inflation eases
    Policymakers said they would watch food prices and the currency before cutting.

    01-01..03-31 trap world
    {southPlace} rolls out digital ID for welfare payments
    The government says the scheme will cut fraud; rights groups worry about exclusion.

    01-01..03-31 trap world
    US tightens export controls on {goods}
    The Commerce Department said the rule closes loopholes used to ship the items to sanctioned buyers.

    01-01..03-31 trap markets
    Intel shares jump {gain} on reports of foundry deal talks
    Investors cheered the prospect of a partner for the struggling chipmaker's factories.

    02-04..02-10 trap markets
    AMD slides after data-centre forecast disappoints
    The chipmaker's outlook for its AI accelerators fell short of what investors had hoped for.

    01-28..02-10 trap tech
    Alibaba releases Qwen 2.5-Max and claims it beats leading rivals
    The e-commerce group timed the launch of its latest large model for the Lunar New Year holiday.
  `,
};
