import type { FragmentSet } from "../fragment-format";

/** Brazilian Portuguese: Folha and Valor on the story, plus look-alikes. */
export const pt: FragmentSet = {
  lang: "pt",
  pools: {
    moto: ["a KTM 1290 Super Adventure", "a Ducati Multistrada V4", "a Honda Africa Twin"],
    empresa: [
      "China Mobile",
      "Uma montadora chinesa",
      "Um banco estatal chinês",
      "Um governo provincial chinês",
    ],
    ponto: ["o software", "o rendimento da fabricação", "a memória", "o treinamento"],
    aliado: ["Holanda", "Japão", "Coreia do Sul"],
    prova: ["matemática", "programação", "lógica", "tradução"],
    rival: ["OpenAI", "Meta", "Google"],
    orgao: [
      "A autoridade italiana de proteção de dados",
      "A ANPD",
      "O regulador irlandês",
      "A comissão sul-coreana de privacidade",
    ],
    proibe: ["A Marinha dos EUA", "A Nasa", "O Pentágono", "O governo australiano", "Taiwan"],
    queda: ["3,1%", "4,4%", "5,2%", "3,8%"],
    alta: ["2,9%", "3,5%", "4,0%"],
    lugar: ["no Brasil", "em Angola", "em Moçambique", "na Colômbia", "no Quênia", "na Nigéria", "na Índia"],
    cidade: ["São Paulo", "Recife", "Florianópolis", "Belo Horizonte", "Porto Alegre", "Manaus"],
    setor: ["agronegócio", "saúde", "atendimento ao cliente", "educação", "serviços públicos"],
    rota: ["Singapura", "Malásia", "Tailândia"],
  },
  context: `
    01-01 r1 A DeepSeek nasceu dentro do fundo de investimentos High-Flyer, de Hangzhou.
    01-20 r1 O R1 tem pesos abertos sob licença MIT e seis versões destiladas menores.
    01-27 nv A Nvidia perdeu cerca de US$ 589 bilhões em valor de mercado em 27 de janeiro, recorde em Wall Street.
    02-01 asc A Huawei Cloud passou a oferecer os modelos da DeepSeek em chips Ascend, em parceria com a SiliconFlow.
  `,
  templates: `
    01-02..01-17 r1
    DeepSeek-V3: modelo chinês rivaliza com GPT-4o por uma fração do custo
    A empresa de Hangzhou diz ter gasto apenas US$ 5,6 milhões em computação no treinamento.

    01-20..01-23 r1
    DeepSeek lança R1, modelo de raciocínio que rivaliza com o o1 da OpenAI
    O laboratório chinês liberou os pesos do modelo em código aberto, sob licença MIT.

    01-21..01-26 r1
    A startup chinesa que assustou o Vale do Silício com um modelo barato
    O sistema de raciocínio custa uma fração do que cobram as gigantes americanas.

    01-26..01-29 r1
    App da DeepSeek supera ChatGPT e lidera downloads na App Store
    O assistente gratuito virou o aplicativo mais baixado nos EUA e no Brasil.

    01-28..02-12 r1
    {orgao} questiona a DeepSeek sobre dados de usuários
    O órgão quer saber quais informações o chatbot coleta e se elas ficam armazenadas na China.

    01-28..03-20 r1
    {proibe} proíbe o uso da DeepSeek em aparelhos oficiais
    As autoridades citam riscos à segurança e à privacidade.

    01-30..02-07 r1
    Itália bloqueia o aplicativo chinês DeepSeek
    A autoridade de proteção de dados mandou suspender o tratamento de dados de usuários italianos.

    02-05..03-31 r1
    Quanto custou de verdade treinar a DeepSeek?
    Os US$ 6 milhões citados cobrem só a etapa final de treinamento do modelo base V3.

    03-24..03-31 r1
    DeepSeek atualiza o V3 e melhora em programação e matemática
    A nova versão continua sob licença MIT.

    01-27 nv
    Nvidia despenca 17% e perde quase US$ 600 bilhões em valor de mercado
    É a maior perda de valor em um único dia da história das bolsas americanas.

    01-27 nv
    A fabricante de chips perde um sexto do valor em um pregão
    Investidores duvidam que a inteligência artificial precise de tantos processadores caros.

    01-27..01-28 nv
    Ibovespa e ações de tecnologia sentem o tombo da Nvidia
    A aversão ao risco se espalhou para os mercados emergentes após o colapso em Nova York.

    01-28 nv
    Nvidia sobe quase 9% após queda histórica
    Parte dos investidores aproveitou a baixa, mas a ação segue longe da máxima.

    02-26..02-28 nv
    Receita da Nvidia cresce 78%, mas ação recua
    Preocupações com margens ofuscam um trimestre recorde.

    03-01..03-31 nv
    Nvidia cai {queda} com temor de tarifas
    A ação volta a ser negociada abaixo do nível anterior ao choque da DeepSeek.

    02-03..03-31 nv
    Ações da Nvidia sobem {alta} com gastos bilionários das big techs em IA
    Planos de investimento da Microsoft e da Meta tranquilizam o mercado.

    01-06..01-19 asc
    Huawei acelera produção do chip de IA Ascend 910C
    A empresa chinesa quer entregar centenas de milhares de aceleradores apesar das sanções.

    02-01..02-14 asc
    Modelos da DeepSeek passam a rodar em chips Ascend da Huawei
    A nuvem da Huawei oferece o R1 sem depender de processadores da Nvidia.

    02-05..03-31 asc
    China troca Nvidia por chips nacionais para rodar DeepSeek
    Estatais e operadoras adotam servidores com processadores Ascend.

    01-13..01-17 ec
    EUA limitam exportação de chips de IA para a maior parte do mundo
    A nova regra divide os países em três grupos; o Brasil fica sujeito a cotas.

    01-29..02-14 ec
    Governo Trump avalia restringir venda do chip H20 da Nvidia à China
    É o processador mais potente que a empresa ainda pode vender legalmente no país.

    01-30..03-15 ec
    EUA investigam se DeepSeek obteve chips da Nvidia via {rota}
    Autoridades suspeitam que processadores restritos chegaram à China por intermediários.

    03-25..03-31 ec
    EUA incluem cerca de 80 empresas em lista de restrições comerciais
    Entre elas estão companhias chinesas de inteligência artificial e semicondutores.

    01-26..02-20 gs
    IA barata da China anima startups {lugar}
    Desenvolvedores dizem que o modelo aberto reduz custos em até 90%.

    02-01..03-31 gs
    Startups de {cidade} usam DeepSeek para criar soluções de {setor}
    Modelos abertos permitem competir sem pagar em dólar a fornecedores americanos.

    02-05..03-31 gs
    Soberania digital: governos do Sul Global apostam em modelos abertos
    Países querem hospedar modelos como o R1 em servidores próprios para proteger dados.

    02-15..03-31 gs
    Universidades brasileiras adaptam modelo chinês ao português
    Pesquisadores ajustam o R1 para textos jurídicos, médicos e do agronegócio.

    01-01..03-31 trap life
    Teste: BMW R 1300 GS encara estradas de terra no interior de Minas
    A moto ficou mais leve e potente, mas os opcionais encarecem o pacote.

    01-01..03-31 trap life
    Yamaha YZF-R1 2025 ganha asas aerodinâmicas
    A superesportiva traz soluções vindas das pistas.

    01-22..02-10 trap tech
    GeForce RTX 5090: a placa de vídeo mais rápida do mercado chega ao Brasil
    O preço salgado limita o público aos entusiastas.

    01-01..03-31 trap world
    Brasil prepara a COP30 em Belém
    O governo quer colocar as florestas no centro da conferência do clima.

    01-01..03-31 trap world
    Pix bate recorde de transações em um único dia
    O sistema de pagamentos instantâneos do Banco Central segue em expansão.

    01-01..03-31 trap world
    China amplia controle de exportação de minerais críticos
    A medida afeta gálio, germânio e antimônio usados pela indústria.

    01-02..01-17 nv
    Nvidia sobe {alta} e renova recorde antes da CES
    Investidores apostam na demanda pelos chips Blackwell.

    01-21..01-26 r1
    Testamos o DeepSeek-R1 em {prova}: modelo chinês encara o o1
    Comparado ao modelo da OpenAI, o sistema aberto teve resultados parecidos por muito menos.

    01-22..01-26 r1
    R1, o modelo que preocupa a {rival}
    A liberação dos pesos permite que qualquer um reproduza os métodos do laboratório chinês.

    02-10..03-31 asc
    {empresa} adota DeepSeek em chips da Huawei
    O projeto usa servidores com processadores Ascend em vez de hardware da Nvidia.

    02-15..03-31 asc
    Chips Ascend: {ponto} ainda é o ponto fraco da Huawei
    Os avanços são reais, mas a distância para a Nvidia segue grande, dizem especialistas.

    02-10..03-31 ec
    EUA pressionam {aliado} a suspender manutenção de máquinas de chips na China
    Washington quer que aliados deixem de atender equipamentos instalados em fábricas chinesas.

    02-15..03-31 ec
    Contrabando de chips: como GPUs proibidas da Nvidia chegam à China via {rota}
    Intermediários trocam etiquetas de servidores e usam empresas de fachada.

    02-10..03-31 r1
    DeepSeek força {rival} a baixar preços
    A concorrência do modelo chinês barato pressiona as tarifas dos grandes laboratórios.

    01-01..03-31 trap life
    Comparativo: BMW R 1300 GS contra {moto}
    Duas big trails frente a frente em um longo roteiro de asfalto e terra.

    01-01..03-31 trap markets
    Banco Central eleva a Selic e sinaliza novas altas
    O Copom citou a inflação persistente e o câmbio.

    01-01..03-31 trap life
    Rivian R1T: a picape elétrica americana que ainda não chegou ao Brasil
    O modelo impressiona pela autonomia, mas não há previsão de lançamento no país.
  `,
};
