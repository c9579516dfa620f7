import type { FragmentSet } from "../fragment-format";

/** Spanish: Madrid, Buenos Aires and Mexico City on the story, plus look-alikes. */
export const es: FragmentSet = {
  lang: "es",
  pools: {
    moto: ["la KTM 1290 Super Adventure", "la Ducati Multistrada V4", "la Honda Africa Twin"],
    bien: ["máquinas herramienta", "productos químicos", "piezas de avión"],
    empresa: [
      "China Mobile",
      "Un fabricante chino de autos",
      "Un banco estatal chino",
      "Un gobierno provincial chino",
    ],
    punto: ["el software", "el rendimiento de fabricación", "la memoria", "el entrenamiento"],
    aliado: ["Países Bajos", "Japón", "Corea del Sur"],
    prueba: ["matemáticas", "programación", "lógica", "traducción"],
    rival: ["OpenAI", "Meta", "Google", "Anthropic"],
    autoridad: [
      "La agencia italiana de protección de datos",
      "La AEPD",
      "El regulador irlandés",
      "La autoridad neerlandesa de datos",
      "La comisión surcoreana de privacidad",
    ],
    veto: ["La Marina de EE UU", "La NASA", "El Pentágono", "El Gobierno australiano", "Taiwán", "Texas"],
    baja: ["3,2%", "4,3%", "5,1%", "3,9%"],
    alza: ["2,7%", "3,4%", "4,1%"],
    pais: ["México", "Colombia", "Chile", "Perú", "Argentina", "Uruguay", "Costa Rica", "Ecuador"],
    ciudad: [
      "Buenos Aires",
      "Ciudad de México",
      "Bogotá",
      "Santiago",
      "Lima",
      "Montevideo",
      "Guadalajara",
      "Medellín",
    ],
    uso: ["atención al cliente", "salud", "educación", "trámites públicos", "agricultura"],
    escala: ["Singapur", "Malasia", "Tailandia"],
    mineral: ["galio", "germanio", "antimonio", "litio"],
  },
  context: `
    01-01 r1 DeepSeek nació dentro del fondo de inversión High-Flyer, con sede en Hangzhou.
    01-20 r1 R1 se publica con pesos abiertos bajo licencia MIT, junto a seis modelos destilados más pequeños.
    01-27 nv Nvidia perdió unos 589.000 millones de dólares de capitalización el 27 de enero, la mayor caída en un día de la historia bursátil de EE UU.
    02-01 asc Huawei Cloud ofrece los modelos de DeepSeek sobre chips Ascend junto a la empresa SiliconFlow.
  `,
  templates: `
    01-02..01-17 r1
    DeepSeek-V3, el modelo chino que compite con GPT-4o a precio de saldo
    La empresa de Hangzhou asegura que lo entrenó con apenas 5,6 millones de dólares de cómputo.

    01-20..01-23 r1
    DeepSeek lanza R1, un modelo de razonamiento que iguala a o1 de OpenAI
    El laboratorio chino publica los pesos en código abierto con licencia MIT.

    01-21..01-26 r1
    La startup china que pone en jaque a Silicon Valley con un modelo barato
    Su sistema de razonamiento cuesta una fracción de lo que cobran los gigantes estadounidenses.

    01-26..01-29 r1
    La aplicación de DeepSeek desbanca a ChatGPT en la App Store
    El asistente gratuito es la app más descargada en EE UU y en varios países de América Latina.

    01-27..01-30 r1
    DeepSeek limita los registros tras sufrir ataques informáticos
    Los usuarios existentes pueden seguir utilizando el servicio, según la compañía.

    01-28..02-12 r1
    {autoridad} pide explicaciones a DeepSeek sobre los datos de sus usuarios
    El regulador quiere saber qué información recoge el chatbot y si se almacena en China.

    01-28..03-20 r1
    {veto} prohíbe el uso de DeepSeek en dispositivos oficiales
    Las autoridades alegan riesgos de seguridad y privacidad.

    01-30..02-07 r1
    Italia bloquea la aplicación china DeepSeek
    El garante de privacidad ordenó suspender de inmediato el tratamiento de datos de usuarios italianos.

    02-05..03-31 r1
    ¿Cuánto costó de verdad entrenar a DeepSeek?
    Los seis millones de dólares solo cubren la última fase de entrenamiento del modelo base V3.

    03-24..03-31 r1
    DeepSeek actualiza V3 y mejora en programación y matemáticas
    La nueva versión mantiene la licencia MIT.

    01-27 nv
    Nvidia se desploma un 17% y pierde casi 600.000 millones de dólares en bolsa
    Es la mayor pérdida de valor en un solo día de una empresa en la historia de Wall Street.

    01-27 nv
    El fabricante de chips se deja una sexta parte de su valor en una sesión
    Los inversores dudan de que la inteligencia artificial necesite tantos procesadores caros.

    01-27 nv
    Lunes negro para las tecnológicas: el Nasdaq cae un 3%
    Nvidia, Broadcom y otras firmas de semiconductores arrastran a Wall Street.

    01-27..01-28 nv
    El peso mexicano y las bolsas latinoamericanas sienten el golpe de Nvidia
    La aversión al riesgo se extendió a los mercados emergentes tras el desplome tecnológico.

    01-28 nv
    Nvidia rebota casi un 9% tras su caída histórica
    Algunos inversores aprovechan los precios bajos, aunque la acción sigue lejos de su máximo.

    02-26..02-28 nv
    Nvidia dispara sus ingresos un 78%, pero la acción cae
    La preocupación por los márgenes eclipsa un trimestre récord.

    03-01..03-31 nv
    Nvidia cae un {baja} por el temor a los aranceles
    La acción vuelve a cotizar por debajo del nivel previo al terremoto DeepSeek.

    02-03..03-31 nv
    Nvidia sube un {alza} impulsada por el gasto en nubes de datos
    Los planes de inversión de Microsoft y Meta tranquilizan a los inversores.

    01-06..01-19 asc
    Huawei acelera la producción de su chip de IA Ascend 910C
    La compañía china quiere entregar cientos de miles de aceleradores pese a las sanciones.

    02-01..02-14 asc
    Huawei ofrece DeepSeek sobre sus propios chips Ascend
    El modelo de razonamiento funciona por completo en los aceleradores de la empresa china.

    02-05..03-31 asc
    China sustituye a Nvidia por procesadores de Huawei para desplegar DeepSeek
    Empresas estatales y operadoras usan servidores con chips Ascend.

    01-13..01-17 ec
    EE UU limita la exportación de chips de IA a la mayor parte del mundo
    La nueva norma divide a los países en tres niveles; México y gran parte de América Latina quedan con cupos.

    01-29..02-14 ec
    Washington estudia restringir la venta del chip H20 de Nvidia a China
    Es el procesador más potente que Nvidia todavía puede vender legalmente a empresas chinas.

    01-30..03-15 ec
    EE UU investiga si DeepSeek obtuvo chips de Nvidia a través de {escala}
    Las autoridades sospechan que procesadores restringidos llegaron a China mediante intermediarios.

    01-27..02-20 ec
    ¿Han fracasado las sanciones a los chips? DeepSeek reabre el debate en Washington
    Los halcones piden endurecer los controles; los críticos creen que solo hicieron más eficiente a China.

    03-25..03-31 ec
    EE UU añade unas 80 empresas a su lista negra comercial
    Entre ellas hay varias compañías chinas de inteligencia artificial y semiconductores.

    01-26..02-20 gs
    DeepSeek abre la puerta a la IA barata en {pais}
    Desarrolladores de {ciudad} dicen que el modelo chino reduce sus costes hasta un 90%.

    02-01..03-31 gs
    Startups de {ciudad} usan modelos abiertos para {uso}
    El acceso a modelos gratuitos permite competir sin pagar en dólares a proveedores de EE UU.

    02-05..03-31 gs
    Soberanía digital: América Latina apuesta por la inteligencia artificial de código abierto
    Gobiernos de {pais} y otros países prueban modelos alojados en servidores propios.

    02-15..03-31 gs
    Universidades latinoamericanas adaptan R1 al español
    Investigadores ajustan el modelo chino para textos jurídicos y médicos locales.

    01-01..03-31 trap life
    Prueba BMW R 1300 GS: la trail más vendida se renueva
    Más ligera y potente, aunque la lista de extras sigue siendo larga.

    01-01..03-31 trap life
    Rivian R1S, el SUV eléctrico que quiere conquistar a las familias
    Ofrece gran autonomía y espacio, pero todavía no se vende en Europa ni en América Latina.

    01-01..03-31 trap life
    La nueva Yamaha YZF-R1 estrena alerones
    La superdeportiva incorpora aerodinámica heredada de las carreras.

    01-22..02-10 trap tech
    Análisis de la GeForce RTX 5080: potente, pero cara
    El DLSS 4 multiplica los fotogramas, aunque el salto frente a la generación anterior es moderado.

    01-01..03-31 trap world
    China restringe las exportaciones de {mineral}
    La medida inquieta a las industrias que dependen del metal estratégico.

    01-01..03-31 trap world
    Argentina negocia un nuevo acuerdo con el FMI
    El Gobierno busca financiación para levantar el cepo cambiario.

    01-01..03-31 trap world
    México y Centroamérica impulsan un corredor de comercio regional
    Los países buscan atraer inversiones en puertos y ferrocarriles.

    01-01..03-31 trap tech
    Huawei Ascend: la historia de los primeros teléfonos de gama alta de la marca
    Hace una década, la serie Ascend abrió el camino a los Mate y los P.

    01-02..01-17 nv
    Nvidia sube un {alza} y marca máximos antes del CES
    Los inversores confían en la demanda de sus chips Blackwell.

    01-02..01-17 gs
    Desarrolladores de {ciudad} apuestan por modelos de IA abiertos
    Llama, Qwen y DeepSeek-V3 permiten crear servicios sin pagar en dólares a proveedores de EE UU.

    01-21..01-26 r1
    Probamos DeepSeek-R1 en {prueba}: el modelo chino planta cara a o1
    Frente al modelo de OpenAI, el sistema abierto logra resultados parecidos por mucho menos dinero.

    01-22..01-26 r1
    R1, el modelo que preocupa a {rival}
    La publicación abierta de los pesos permite a cualquiera copiar los métodos del laboratorio chino.

    02-10..03-31 asc
    {empresa} despliega DeepSeek con chips de Huawei
    El proyecto usa servidores con procesadores Ascend en lugar de hardware de Nvidia.

    02-15..03-31 asc
    Chips Ascend: {punto}, el talón de Aquiles de Huawei
    Los avances son reales, pero la distancia con Nvidia sigue siendo grande, según expertos.

    02-10..03-31 ec
    Washington presiona a {aliado} para frenar el mantenimiento de máquinas de chips en China
    EE UU quiere que sus aliados dejen de dar servicio a equipos instalados en fábricas chinas.

    02-15..03-31 ec
    Contrabando de chips: así llegan GPU de Nvidia prohibidas a China a través de {escala}
    Intermediarios reetiquetan servidores y usan empresas pantalla.

    02-10..03-31 r1
    DeepSeek obliga a {rival} a bajar precios
    La competencia del modelo chino barato presiona las tarifas de los grandes laboratorios.

    01-01..03-31 trap life
    Comparativa: BMW R 1300 GS frente a {moto}
    Dos trail grandes cara a cara en un largo recorrido por asfalto y tierra.

    01-01..03-31 trap world
    La UE endurece los controles de exportación de {bien} a Rusia
    Bruselas quiere evitar que terceros países sirvan para eludir las sanciones.

    01-01..03-31 trap markets
    El Banco de México recorta su tasa de interés
    La inflación se modera y la economía muestra señales de debilidad.
  `,
};
