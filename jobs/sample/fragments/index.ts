import type { FragmentSet } from "../fragment-format";
import { de } from "./de";
import { deTraps } from "./de-traps";
import { enChips } from "./en-chips";
import { enMarkets } from "./en-markets";
import { enRelease } from "./en-release";
import { enSouth } from "./en-south";
import { enTraps } from "./en-traps";
import { es } from "./es";
import { fr } from "./fr";
import { ja } from "./ja";
import { pt } from "./pt";
import { zh } from "./zh";
import { zhTraps } from "./zh-traps";

/** Every hand-written fragment set; order matters for determinism, so append rather than reorder. */
export const fragmentSets: readonly FragmentSet[] = [
  enRelease,
  enMarkets,
  enChips,
  enSouth,
  enTraps,
  de,
  deTraps,
  zh,
  zhTraps,
  fr,
  es,
  pt,
  ja,
];
