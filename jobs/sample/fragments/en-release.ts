import type { FragmentSet } from "../fragment-format";

/** English: DeepSeek, V3 and R1 (the r1-release topic), from the V3 background to the app bans. */
export const enRelease: FragmentSet = {
  lang: "en",
  pools: {
    role: [
      "A leading AI researcher",
      "A Silicon Valley investor",
      "A former OpenAI engineer",
      "A Stanford computer scientist",
      "A Beijing venture capitalist",
    ],
    task: ["coding", "maths", "logic puzzle", "essay-writing", "translation"],
    size: ["32B", "70B", "14B", "7B"],
    community: ["Hugging Face", "GitHub", "Reddit", "Ollama"],
    sensitive: ["Tiananmen", "Taiwan", "Xinjiang", "Xi Jinping"],
    lab: ["Meta", "Google", "Mistral", "Microsoft", "Amazon", "Anthropic"],
    regulator: [
      "Italy's Garante",
      "Ireland's Data Protection Commission",
      "France's CNIL",
      "the Dutch data protection authority",
      "Belgium's privacy regulator",
      "South Korea's privacy commission",
      "Berlin's data protection commissioner",
    ],
    banBody: [
      "The US Navy",
      "NASA",
      "The Pentagon",
      "Texas",
      "Taiwan's government",
      "Australia's federal government",
      "South Korea's trade ministry",
      "The US House of Representatives",
      "Virginia",
      "New York State",
      "India's finance ministry",
    ],
    cloud: [
      "Microsoft Azure",
      "Amazon Web Services",
      "Perplexity",
      "Hugging Face",
      "Alibaba Cloud",
      "Snowflake",
    ],
    benchmark: ["AIME 2024", "MATH-500", "Codeforces", "GPQA Diamond", "SWE-bench Verified", "LiveCodeBench"],
    appMarket: ["the US", "the UK", "Australia", "Canada", "India", "Singapore", "Germany", "Brazil"],
    reaction: ["Sputnik moment", "wake-up call", "turning point", "reality check", "stress test"],
  },
  context: `
    01-01 r1 DeepSeek says V3 was trained on 2,048 Nvidia H800 chips for about $5.6m of compute, a figure rivals dispute.
    01-01 r1 The lab is funded by the Hangzhou hedge fund High-Flyer and led by its founder Liang Wenfeng.
    01-20 r1 R1 is published with open weights under the MIT licence, alongside six smaller distilled models.
    01-20 r1 DeepSeek says R1 matches OpenAI's o1 on maths and coding tests at a fraction of the price per token.
    01-26 r1 The DeepSeek assistant overtook ChatGPT as the most downloaded free app on Apple's US App Store.
    01-28 r1 Several governments have questioned how the app stores user data on servers in China.
  `,
  templates: `
    01-01..01-10 r1
    DeepSeek-V3 sets a new bar for open models at a fraction of the usual cost
    The Chinese lab's mixture-of-experts model, released on Boxing Day, scores close to GPT-4o on {benchmark}.

    01-01..01-14 r1
    How a hedge fund's side project built one of the best open-weight models
    DeepSeek, spun out of High-Flyer, has quietly released V3, a 671bn-parameter model that engineers call remarkably efficient.

    01-02..01-17 r1
    Developers flock to DeepSeek-V3 as API prices undercut US rivals
    Start-ups report bills a tenth of what they paid before after switching to the Chinese model's API.

    01-03..01-19 r1
    Is the $5.6m training bill for DeepSeek-V3 real? Researchers weigh in
    The figure covers only the final training run, experts say, not the research or the hardware behind it.

    01-06..01-19 r1
    Chinese AI lab DeepSeek hints at a reasoning model to rival OpenAI's o1
    A preview called R1-Lite drew attention in November; the full model is expected within weeks.

    01-20 r1
    DeepSeek releases R1, an open reasoning model it says rivals OpenAI's o1
    The Hangzhou company published the weights under an MIT licence and a paper describing reinforcement-learning training.

    01-20..01-22 r1
    DeepSeek's R1 matches o1 on {benchmark}, paper says
    The Chinese lab reports scores on par with OpenAI's flagship reasoning model while charging a fraction of its API price.

    01-20..01-24 r1
    Open weights, MIT licence: why researchers are excited about DeepSeek-R1
    Anyone can download, run and modify the model, including six distilled versions built on Qwen and Llama.

    01-21..01-25 r1
    Hands-on: we put DeepSeek's new reasoning model through {benchmark}-style puzzles
    R1 shows its chain of thought at length before it answers, and it got most of our maths questions right.

    01-21..01-26 r1
    The Hangzhou start-up's cheap reasoning model is the talk of Silicon Valley
    Engineers at US labs are dissecting a paper that shows how pure reinforcement learning taught a model to reason.

    01-22..01-26 r1
    A Chinese lab just gave away a model that thinks like o1
    The release of R1 under a permissive licence has developers asking what paid reasoning models are still worth.

    01-23..01-27 r1
    DeepSeek's distilled models run reasoning on a laptop
    Smaller versions of R1, from 1.5bn to 70bn parameters, can be run locally with tools such as Ollama.

    01-24..01-28 r1
    Meta engineers scramble to study DeepSeek's efficiency gains, reports say
    The open model's low claimed cost has prompted questions about the budgets of big US AI labs.

    01-25..01-28 r1
    DeepSeek's assistant climbs to the top of the App Store in {appMarket}
    The free app, built on R1, has overtaken ChatGPT in downloads as curiosity about the Chinese model spreads.

    01-26..01-29 r1
    Investors call DeepSeek's model AI's "{reaction}"
    The Chinese lab's claims of low training costs have turned a niche research release into a market story.

    01-27..01-29 r1
    DeepSeek limits new sign-ups after "large-scale malicious attacks"
    The company said existing users could still log in while it dealt with attacks on its servers.

    01-27..01-31 r1
    Who is Liang Wenfeng, the quiet founder behind DeepSeek?
    The hedge fund manager built a research lab that hires young graduates and publishes its work openly.

    01-27..02-02 r1
    DeepSeek releases Janus-Pro image model as attention peaks
    The lab followed R1 with a multimodal model it says beats DALL-E 3 on some benchmarks.

    01-28..02-05 r1
    OpenAI says it has evidence DeepSeek used its models to train R1
    The company alleges distillation of its outputs, which its terms forbid; DeepSeek has not commented.

    01-28..02-10 r1
    {cloud} adds DeepSeek-R1 to its model catalogue
    Customers can now run the open reasoning model on the platform, which says it has run safety evaluations.

    01-29..02-06 r1
    Researchers find exposed DeepSeek database with chat histories
    A security firm says a publicly reachable database held logs and secret keys before the company locked it down.

    01-28..02-14 r1
    {regulator} questions DeepSeek over how it handles users' data
    The regulator wants to know what personal data the chatbot collects, where it is stored and on what legal basis.

    01-30..02-10 r1
    Italy blocks the DeepSeek chatbot over privacy concerns
    The data protection authority ordered the app's operators to stop processing Italians' data with immediate effect.

    01-28..03-20 r1
    {banBody} bars staff from using DeepSeek on official devices
    Officials cited security and privacy concerns over the Chinese AI assistant and its data practices.

    02-05..02-20 r1
    South Korea suspends new downloads of the DeepSeek app
    The privacy watchdog said the app would return once it complies with Korean data protection law.

    02-04..02-14 r1
    Australia orders DeepSeek removed from government devices
    The home affairs department called the app an unacceptable risk to national security.

    02-01..03-15 r1
    US lawmakers propose banning DeepSeek on federal devices
    A bipartisan bill would give agencies 60 days to remove the app, following several state bans.

    02-03..03-20 r1
    What DeepSeek's R1 paper really says about training costs
    The widely quoted $6m covers GPU time for the V3 base model, not the experiments that led to the reasoning model.

    02-05..03-25 r1
    Chinese firms rush to plug DeepSeek into cars, phones and government apps
    Carmakers, handset makers and city governments say they have integrated R1 into their services.

    02-10..03-31 r1
    DeepSeek's open-source week: the lab releases five code repositories
    The Hangzhou company published tools for training and serving its models, from attention kernels to file systems.

    02-20..03-31 r1
    DeepSeek rushes to launch R2 after the success of its first reasoning model, sources say
    The company had planned a May release but wants the successor out sooner.

    03-01..03-31 r1
    DeepSeek claims a theoretical 545% profit margin on its inference service
    A post from the company breaks down the costs of serving V3 and R1 to millions of users.

    03-24..03-31 r1
    DeepSeek quietly updates V3 with stronger coding and maths skills
    The new V3-0324 checkpoint, again under the MIT licence, tops several open-model leaderboards.

    02-15..03-31 r1
    Three weeks after R1, the cheap reasoning model is everywhere
    Universities, cloud providers and app developers have made the Chinese lab's model a default option.

    02-10..03-31 r1
    {regulator} opens a formal inquiry into DeepSeek
    The regulator says it will assess whether transfers of EU users' data to China comply with the GDPR.

    01-01..01-19 r1
    {benchmark} scores put DeepSeek-V3 ahead of the biggest open models
    The Chinese model beats Llama 3.1 405B and Qwen 2.5 on most tests the lab published with its technical report.

    01-02..01-19 r1
    Why {lab} engineers are studying DeepSeek-V3's training recipe
    The Chinese lab's report on low-precision training and load balancing is being read closely across the industry.

    01-20..01-26 r1
    {role} says DeepSeek's R1 shows China has closed the AI gap
    The open reasoning model arrives months, not years, after OpenAI's o1, which surprises many in the industry.

    01-21..01-26 r1
    DeepSeek-R1 vs o1: our {task} test shows how close the Chinese model is
    On most prompts the open model's answers were as good as OpenAI's, and it was much cheaper to run.

    01-20..01-24 r1
    How DeepSeek taught a model to reason with reinforcement learning alone
    R1-Zero learned to check its own work without human-written examples, the lab's paper says.

    01-20..01-22 r1
    DeepSeek founder Liang Wenfeng attends symposium with Chinese premier
    The hedge-fund manager was among experts invited to discuss the government's work report.

    01-21..01-26 r1
    DeepSeek's distilled {size} model tops open leaderboards
    The small model, trained on R1's outputs, beats much larger rivals on maths tests.

    01-21..01-26 r1
    Developers on {community} rush to try DeepSeek-R1
    The open reasoning model has become one of the most downloaded and discussed releases of the year.

    01-22..01-28 r1
    DeepSeek's R1 dodges questions on {sensitive}, users find
    The Chinese model refuses or deflects on topics that are censored at home, testers report.

    01-22..01-26 r1
    R1 costs $2.19 per million output tokens. OpenAI charges $60 for o1
    The price gap has start-ups recalculating the cost of building on reasoning models.

    01-23..01-27 r1
    Why the cheap reasoning model from China has US labs worried
    The open release lets rivals copy its methods and undercuts paid offerings.
  `,
};
