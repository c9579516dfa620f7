import type { FragmentSet } from "../fragment-format";

/** English: DeepSeek and low-cost open AI in developing countries (global-south-adoption). */
export const enSouth: FragmentSet = {
  lang: "en",
  pools: {
    country: [
      "Kenya",
      "Nigeria",
      "Ghana",
      "Rwanda",
      "Egypt",
      "Indonesia",
      "Vietnam",
      "the Philippines",
      "Malaysia",
      "Brazil",
      "Colombia",
      "Peru",
      "Pakistan",
      "Bangladesh",
      "Ethiopia",
    ],
    city: [
      "Lagos",
      "Nairobi",
      "Kigali",
      "Accra",
      "Cape Town",
      "Jakarta",
      "Manila",
      "Ho Chi Minh City",
      "Bengaluru",
      "São Paulo",
      "Bogotá",
      "Mexico City",
      "Dhaka",
      "Karachi",
    ],
    sector: [
      "farm advisory",
      "health triage",
      "legal aid",
      "customer service",
      "tutoring",
      "fintech credit scoring",
    ],
    uni: [
      "the University of Nairobi",
      "Makerere University",
      "the University of Lagos",
      "IIT Madras",
      "Universidad de Chile",
      "the University of the Philippines",
      "Universitas Indonesia",
      "Wits University",
    ],
  },
  context: `
    01-22 gs R1's API costs a small fraction of OpenAI's o1 per million tokens, a difference that matters for start-ups in emerging markets.
    01-25 gs Because the weights are open, developers can run the model on local servers instead of paying in dollars for a foreign API.
    02-01 gs Digital-rights groups warn that low-cost models do not solve gaps in connectivity, electricity and local-language data.
  `,
  templates: `
    01-22..02-10 gs
    Why {city} developers are switching to DeepSeek's free reasoning model
    Founders say the open model cuts their AI bills by up to 90%, which matters when revenue comes in local currency.

    01-23..02-15 gs
    A cheap Chinese model could narrow the AI gap for the Global South
    Open weights and low prices let {country} start-ups build products they could not afford on US APIs.

    01-28..02-20 gs
    {country} start-ups race to build on DeepSeek-R1
    Engineers say the open model runs on modest local servers and can be fine-tuned for {sector}.

    01-30..02-14 gs
    India to host DeepSeek models on local servers, IT minister says
    The IndiaAI mission will make open models available on domestic compute to address data-privacy concerns.

    01-30..02-20 gs
    Indian start-ups see DeepSeek as proof a frontier model can be built on a small budget
    Founders and officials say the country should build its own foundation model within months.

    02-01..03-15 gs
    Nairobi coders embrace a free Chinese reasoning model
    Kenyan developers say the low-cost model makes AI tools affordable for local-language {sector}.

    02-01..03-31 gs
    {uni} moves its AI courses onto open models after DeepSeek
    Lecturers say students can now run state-of-the-art reasoning on campus hardware.

    02-03..03-31 gs
    Open-weight AI gives {country} a shot at digital sovereignty, officials say
    Governments see self-hosted models as a way to keep citizens' data at home.

    02-05..03-20 gs
    Malaysia's prime minister praises DeepSeek as a model for developing nations
    Anwar Ibrahim said the Chinese model showed that smaller players could compete in artificial intelligence.

    02-05..03-31 gs
    Indonesia and Vietnam weigh local deployments of Chinese open AI models
    Ministries are testing R1-based assistants for public services while watching the privacy debate.

    02-10..03-31 gs
    In {city}, a start-up uses DeepSeek to offer {sector} at a fraction of the cost
    The company says switching from a US model cut its costs enough to serve customers in rural areas.

    02-10..03-31 gs
    African AI builders weigh the price advantage of DeepSeek against data risks
    Cheaper models help, but founders worry about relying on a Chinese provider under scrutiny abroad.

    02-15..03-31 gs
    Latin American governments test low-cost AI models for public services
    Officials in {country} and elsewhere say open models let them pilot chatbots without big contracts.

    02-15..03-31 gs
    The affordability gap: what DeepSeek means for AI in low-income countries
    Lower token prices help, but connectivity, power and skills remain bigger barriers, researchers say.

    03-01..03-31 gs
    Brazil's developers fine-tune open Chinese models for Portuguese
    A wave of local projects adapts DeepSeek's distilled models to Brazilian law, health and agriculture texts.

    03-01..03-31 gs
    Pakistan and Bangladesh eye cheap reasoning models for e-government
    Officials say the cost of AI has fallen enough to pilot chatbots for tax and land-record services.

    02-20..03-31 gs
    {country}'s banks pilot open-source AI after DeepSeek cuts the price of reasoning
    Lenders are testing self-hosted models for customer service and fraud checks.

    03-05..03-31 gs
    Southeast Asian universities build local-language models on top of R1
    Research groups say distillation from the Chinese model is cheaper than training from scratch.

    01-02..01-19 gs
    {country} developers turn to open-source AI models to cut costs
    Models such as Llama, Qwen and DeepSeek-V3 let local start-ups avoid paying dollar-denominated API fees.

    01-06..01-19 gs
    Before R1: how African coders used open models to build local-language tools
    Projects in {city} fine-tuned Llama and Qwen for languages that big US assistants handle poorly.

    01-21..01-26 gs
    Will DeepSeek's low prices reach {country}? Developers test R1
    Early testers say the open model could make reasoning AI affordable in markets US firms ignore.
  `,
};
