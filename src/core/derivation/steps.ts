// The steps of one element's derivation, in the order the article works them by hand:
// (σ), formula, numbers substituted, the term that cancels, (safeguard), logs, sign, (base), result,
// then the gradient. Each step is TeX plus one plain sentence that says the same thing.
import * as l10n from '@vscode/l10n';
import type { DerivationStep, ElementDetail, LossOptions, LossRule } from '../types';
import { PRESETS } from '../loss';
import { formatNumber, formatNumberTex, numberTextToTex, oneMinusDecimal } from './format';
import { texIndex, texText } from './tex';

export interface ElementContext {
  readonly options: LossOptions;
  readonly rule: LossRule;
  /** Significant digits for computed numbers. */
  readonly precision: number;
  /** The target as the user typed it (plain decimal) or formatted. */
  readonly targetText: string;
  /** The prediction (probability or logit, per `options.input`) as typed or formatted. */
  readonly inputText: string;
  /** True when the target text is the user's exact digits (so 1 − y can be done on them). */
  readonly targetTyped: boolean;
  /** True when the input text is the user's exact digits. */
  readonly inputTyped: boolean;
  /** What the weighted sum is divided by in the reduction (for the gradient's formula). */
  readonly reductionDivisor: number;
  /** How many elements the loss covers, so a mean over N can be told from other divisors. */
  readonly elementCount?: number;
}

const LN_OF_BASE = { e: 1, '2': Math.LN2, '10': Math.LN10 } as const;

/** From here on σ(z) is within 1.2e-7 of 0 or 1, below float32's resolution near 1: the stable form is written out. */
const LARGE_LOGIT = 16;

export function elementSteps(d: ElementDetail, ctx: ElementContext): DerivationStep[] {
  const b = new ElementStepBuilder(d, ctx);
  return b.build();
}

/** Text of a number for TeX, wrapped in parentheses when negative so it can follow `\cdot` or `-`. */
function texFactor(tex: string): string {
  return tex.startsWith('-') ? `(${tex})` : tex;
}

/** `a and b and c`, each join a message so that a translation can choose its own word order. */
function andList(items: readonly string[]): string {
  return items.length === 0 ? '' : items.reduce((acc, item) => l10n.t('{0} and {1}', acc, item));
}

/** Joins the factors that are not 1 with `\cdot`; '' when all are 1. */
function texProduct(factors: readonly string[]): string {
  return factors.filter((f) => f !== '' && f !== '1').map(texFactor).join(' \\cdot ');
}

class ElementStepBuilder {
  private readonly s: string;
  private readonly steps: DerivationStep[] = [];
  private readonly fmt: (x: number) => string;
  private readonly tex: (x: number) => string;
  private readonly logits: boolean;
  private readonly who: string;
  private readonly bce: string;
  private readonly weighted: boolean;
  private readonly posWeighted: boolean;
  /** y as shown in the substitution: the user's digits, or the smoothed value. */
  private readonly yTex: string;
  private readonly yText: string;
  /** ŷ as shown in the substitution. */
  private readonly pTex: string;
  private readonly pText: string;

  constructor(
    private readonly d: ElementDetail,
    private readonly ctx: ElementContext,
  ) {
    this.s = texIndex(d.index);
    this.fmt = (x) => formatNumber(x, ctx.precision);
    this.tex = (x) => formatNumberTex(x, ctx.precision);
    this.logits = ctx.options.input === 'logits';
    this.bce = `\\mathrm{BCE}_{${this.s}}`;
    this.who = describeElement(d);
    this.weighted = ctx.options.weight !== undefined;
    this.posWeighted = ctx.options.posWeight !== undefined && this.logits;
    const smoothed = (ctx.options.labelSmoothing ?? 0) !== 0;
    this.yText = smoothed ? this.fmt(d.target) : ctx.targetText;
    this.yTex = numberTextToTex(this.yText);
    this.pText = this.logits ? this.fmt(d.prediction) : ctx.inputText;
    this.pTex = numberTextToTex(this.pText);
  }

  build(): DerivationStep[] {
    if (this.logits) {
      this.sigmoid();
      this.stableForm();
    }
    this.formula();
    this.substitute();
    this.cancel();
    this.safeguard();
    this.logs();
    const nats = this.negate();
    if (this.ctx.options.logBase !== 'e') this.baseChange(nats);
    this.result();
    this.gradient();
    return this.steps;
  }

  private add(kind: DerivationStep['kind'], tex: string, text: string): void {
    this.steps.push({ kind, tex, text });
  }

  private sigmoid(): void {
    const z = this.ctx.inputText;
    const negated = z.startsWith('-') ? z.slice(1) : `-${z}`;
    const tex =
      `\\hat{y}_{${this.s}} = \\sigma(z_{${this.s}}) = \\frac{1}{1 + e^{-z_{${this.s}}}}` +
      ` = \\frac{1}{1 + e^{${numberTextToTex(negated)}}} = ${this.pTex}`;
    this.add(
      'sigmoid',
      tex,
      l10n.t`The model's raw score (logit) for ${this.who} is z = ${z}; the sigmoid σ(z) = 1/(1 + e^−z) turns it into a probability: ŷ = ${this.pText}.`,
    );
  }

  /**
   * For a large |z| the loss cannot be computed through σ(z): the frameworks use a form whose
   * exponent is never positive. Written out with this element's numbers.
   */
  private stableForm(): void {
    const zText = this.ctx.inputText;
    const z = Number(zText);
    if (!(Math.abs(z) >= LARGE_LOGIT)) return;
    const s = this.s;
    const y = this.d.target;
    const zTex = numberTextToTex(zText);
    const zFactor = texFactor(zTex);
    const softplus = Math.log1p(Math.exp(-Math.abs(z)));
    const softplusTex = `\\ln\\left(1 + e^{-|${zTex}|}\\right)`;
    let tex: string;
    let formula: string;
    let value: number;
    if (this.posWeighted) {
      const pw = this.d.posWeight;
      const c = 1 + (pw - 1) * y;
      value = (1 - y) * z + c * (softplus + Math.max(-z, 0));
      formula = '(1 − y)·z + (1 + (p_w − 1)·y)·(max(−z, 0) + ln(1 + e^−|z|))';
      tex =
        `\\begin{aligned} ${this.bce} &= (1 - y_{${s}}) z_{${s}} + (1 + (p_{w} - 1) y_{${s}}) \\left( \\max(-z_{${s}}, 0) + \\ln\\left(1 + e^{-|z_{${s}}|}\\right) \\right)` +
        ` \\\\ &= ${texFactor(this.oneMinusYTex())} \\cdot ${zFactor} + ${texFactor(this.tex(c))} \\left( ${this.tex(Math.max(-z, 0))} + ${this.tex(softplus)} \\right) = ${this.tex(value)} \\end{aligned}`;
    } else {
      value = Math.max(z, 0) - z * y + softplus;
      formula = 'max(z, 0) − z·y + ln(1 + e^−|z|)';
      tex =
        `\\begin{aligned} ${this.bce} &= \\max(z_{${s}}, 0) - z_{${s}} y_{${s}} + \\ln\\left(1 + e^{-|z_{${s}}|}\\right)` +
        ` \\\\ &= \\max(${zTex}, 0) - ${zFactor} \\cdot ${texFactor(this.yTex)} + ${softplusTex} = ${this.tex(Math.max(z, 0))} - ${texFactor(this.tex(z * y))} + ${this.tex(softplus)} = ${this.tex(value)} \\end{aligned}`;
    }
    const why =
      z > 0
        ? l10n.t('1 − σ(z) = 1 − 1/(1 + e^−z) loses every digit and rounds to 0 (from about z = 17 in float32, z = 37 in float64), so ln(1 − σ(z)) would be −∞')
        : l10n.t`σ(z) = 1/(1 + e^−z) needs e^−z = e^${zText.replace(/^-/, '')}, which overflows to ∞ once −z passes about 88.7 in float32 (709.8 in float64), and then ln σ(z) = ln 0 = −∞`;
    this.add(
      'safeguard',
      tex,
      l10n.t`With |z| this large the loss is not computed through σ(z): ${why}. The frameworks use the equal, stable form ${formula}, whose exponent is never positive, so nothing overflows: ${this.fmt(value)}.`,
    );
  }

  private formula(): void {
    // The general formula carries no element subscript (the card's heading names the element;
    // the next step puts in its numbers), so it is the same TeX on every card and typeset once.
    const w = this.weighted ? 'w' : '';
    const pw = this.posWeighted ? 'p_{w} ' : '';
    const tex = `\\mathrm{BCE} = -${w}\\left[ ${pw}y \\ln(\\hat{y}) + (1 - y) \\ln(1 - \\hat{y}) \\right]`;
    let text = l10n.t`The loss for ${this.who} compares the target y with the predicted probability ŷ: −[y·ln(ŷ) + (1 − y)·ln(1 − ŷ)], with the natural log ln as every framework uses.`;
    if (this.posWeighted) text += ' ' + l10n.t('The positive weight p_w multiplies only the term for a present label.');
    if (this.weighted) text += ' ' + l10n.t('The element weight w multiplies the whole loss.');
    this.add('formula', tex, text);
  }

  /** The factors in front of the bracket, as TeX (the weight, if there is one). */
  private outer(): string {
    return this.weighted ? this.tex(this.d.weight) : '';
  }

  private posCoefficientTex(): string {
    return this.posWeighted ? `${texFactor(this.tex(this.d.posWeight))} \\cdot ${this.yTex}` : this.yTex;
  }

  private oneMinusYTex(): string {
    const exact = this.ctx.targetTyped && (this.ctx.options.labelSmoothing ?? 0) === 0 ? oneMinusDecimal(this.ctx.targetText) : null;
    return exact !== null ? numberTextToTex(exact) : this.tex(1 - this.d.target);
  }

  private oneMinusPTex(): string {
    const exact = !this.logits && this.ctx.inputTyped ? oneMinusDecimal(this.ctx.inputText) : null;
    if (exact !== null) return numberTextToTex(exact);
    // 1 − σ(z) is σ(−z): taken from z it keeps its digits where 1 − ŷ would round to 0.
    const z = this.d.logit;
    return this.tex(this.logits && z !== null ? 1 / (1 + Math.exp(z)) : 1 - this.d.prediction);
  }

  private bracket(inner: string): string {
    const w = this.outer();
    return w ? `-${texFactor(w)} \\left[ ${inner} \\right]` : `-\\left[ ${inner} \\right]`;
  }

  private substitute(): void {
    const p = this.pTex;
    const y = this.yTex;
    const tex = `${this.bce} = ${this.bracket(`${this.posCoefficientTex()} \\ln(${p}) + (1 - ${y}) \\ln(1 - ${p})`)}`;
    // Each combination of weights is a whole sentence, so that a translation never joins pieces.
    const yText = this.yText;
    const pText = this.pText;
    const pwText = this.fmt(this.d.posWeight);
    const wText = this.fmt(this.d.weight);
    let text: string;
    if (this.posWeighted && this.weighted) text = l10n.t`Put in the numbers: y = ${yText} and ŷ = ${pText}, p_w = ${pwText}, w = ${wText}.`;
    else if (this.posWeighted) text = l10n.t`Put in the numbers: y = ${yText} and ŷ = ${pText}, p_w = ${pwText}.`;
    else if (this.weighted) text = l10n.t`Put in the numbers: y = ${yText} and ŷ = ${pText}, w = ${wText}.`;
    else text = l10n.t`Put in the numbers: y = ${yText} and ŷ = ${pText}.`;
    const ls = this.ctx.options.labelSmoothing ?? 0;
    if (ls !== 0) {
      text += ' ' + l10n.t`Label smoothing ${formatNumber(ls)} has moved the target from ${this.ctx.targetText} to y(1 − ${formatNumber(ls)}) + ${formatNumber(ls / 2)} = ${this.yText}.`;
    }
    this.add('substitute', tex, text);
  }

  private cancel(): void {
    const p = this.pTex;
    const q = this.oneMinusPTex();
    const w = this.outer();
    switch (this.d.active) {
      case 'positive': {
        const coefficient = texProduct([w, this.posWeighted ? this.tex(this.d.posWeight * this.d.target) : '']);
        const kept = `${coefficient ? `${coefficient} \\cdot ` : ''}\\ln(${p})`;
        const tex = `${this.bce} = ${this.bracket(`${this.posCoefficientTex()} \\ln(${p}) + 0 \\cdot \\ln(${q})`)} = -${kept}`;
        this.add(
          'cancel',
          tex,
          l10n.t`The target is ${this.yText}, so the factor 1 − y is 0 and the right-hand term drops out: only ln(ŷ), the log of the probability given to the label being present, is left.`,
        );
        return;
      }
      case 'negative': {
        const kept = `${w ? `${texFactor(w)} \\cdot ` : ''}\\ln(${q})`;
        const zero = this.posWeighted ? `${texFactor(this.tex(this.d.posWeight))} \\cdot 0` : '0';
        const tex = `${this.bce} = ${this.bracket(`${zero} \\cdot \\ln(${p}) + 1 \\cdot \\ln(${q})`)} = -${kept}`;
        this.add(
          'cancel',
          tex,
          l10n.t`The target is ${this.yText}, so the factor y is 0 and the left-hand term drops out: only ln(1 − ŷ), the log of the probability given to the label being absent, is left.`,
        );
        return;
      }
      case 'both': {
        const tex = `${this.bce} = ${this.bracket(`${this.posCoefficientTex()} \\ln(${p}) + ${texFactor(this.oneMinusYTex())} \\ln(${q})`)}`;
        this.add(
          'cancel',
          tex,
          l10n.t`The target ${this.yText} is neither 0 nor 1 (a soft label), so nothing cancels: both logs count, weighted by y = ${this.yText} and 1 − y = ${this.fmt(1 - this.d.target)}.`,
        );
        return;
      }
    }
  }

  private safeguard(): void {
    const d = this.d;
    const preset = PRESETS[this.ctx.options.preset];
    const name = preset.displayName;
    switch (d.safeguard) {
      case 'none':
        return;
      case 'clamp-log-100': {
        const floor = preset.logFloor ?? -100;
        const parts: string[] = [];
        for (const [arg, log] of this.activeLogs()) {
          if (arg === null) continue;
          const raw = Math.log(arg);
          if (raw >= floor) continue;
          parts.push(`\\max\\left(\\ln(${this.argTex(arg)}), ${floor}\\right) = \\max\\left(${this.tex(raw)}, ${floor}\\right) = ${this.tex(log ?? floor)}`);
        }
        const floorText = formatNumber(floor);
        const most = formatNumber(-floor);
        this.add(
          'safeguard',
          parts.join(', \\qquad ') || `\\max(\\ln(\\cdot), ${floor})`,
          this.pText === '0' || this.pText === '1'
            ? l10n.t`${name} clamps each log at ${floorText}: the log of exactly 0 would be −∞, so it counts as ${floorText} and the loss of one element is at most ${most}.`
            : l10n.t`${name} clamps each log at ${floorText}: the log of a number this small would be below that, so it counts as ${floorText} and the loss of one element is at most ${most}.`,
        );
        return;
      }
      case 'clip-epsilon':
      case 'clip-epsilon-plus-epsilon': {
        const eps = preset.epsilon?.[this.ctx.options.dtype] ?? NaN;
        // ε as the framework's source writes it (1e-7), not its float32 rounding.
        const epsText = formatNumber(eps, 3).replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
        const epsTex = numberTextToTex(epsText);
        const s = this.s;
        let tex = `\\hat{y}'_{${s}} = \\min\\left(\\max\\left(\\hat{y}_{${s}}, \\epsilon\\right), 1 - \\epsilon\\right) = ${this.tex(d.clippedPrediction)}, \\qquad \\epsilon = ${epsTex}`;
        let text = l10n.t`${name} clips ŷ to [ε, 1 − ε] with ε = ${epsText} before taking logs, so that no log sees 0: ŷ = ${this.pText} becomes ${this.fmt(d.clippedPrediction)}.`;
        if (d.safeguard === 'clip-epsilon-plus-epsilon') {
          tex += `, \\qquad \\ln(\\hat{y}' + \\epsilon), \\; \\ln(1 - \\hat{y}' + \\epsilon)`;
          text += ' ' + l10n.t('It also adds ε inside both logs.');
        }
        if (this.ctx.rule === 'clip-to-logit') text += ' ' + l10n.t('It then turns the clipped probability back into a logit and uses the logits formula, which gives the same logs.');
        if (this.ctx.rule === 'two-column-clip' || this.ctx.rule === 'sigmoid-two-column-clip') {
          text = l10n.t`${name} clips both class probabilities, 1 − ŷ and ŷ, to [ε, 1 − ε] with ε = ${epsText} (the machine epsilon of ${this.ctx.options.dtype}) before taking logs, so that no log sees 0.`;
        }
        this.add('safeguard', tex, text);
        return;
      }
    }
  }

  /** [argument, log, which term] of each term that survives, positive first. */
  private activeLogs(): Array<[number | null, number | null, 'positive' | 'negative']> {
    const d = this.d;
    const out: Array<[number | null, number | null, 'positive' | 'negative']> = [];
    if (d.active !== 'negative') out.push([d.positiveArgument, d.logPositive, 'positive']);
    if (d.active !== 'positive') out.push([d.negativeArgument, d.logNegative, 'negative']);
    return out;
  }

  /**
   * For a logit so large that σ(z) rounds to exactly 0 or 1, the log is still finite (taken from
   * z); the argument is then written as σ(±z), not as a misleading ln(0).
   */
  private sigmoidArgument(arg: number, log: number, term: 'positive' | 'negative'): { tex: string; text: string } | null {
    if (!this.logits || !(arg === 0 || (arg === 1 && log !== 0))) return null;
    const z = this.ctx.inputText;
    const zNeg = z.startsWith('-') ? z.slice(1) : `-${z}`;
    const shown = term === 'positive' ? z : zNeg;
    return { tex: `\\sigma(${numberTextToTex(shown)})`, text: `σ(${shown})` };
  }

  private argTex(arg: number): string {
    return numberTextToTex(this.argText(arg));
  }

  /** A log's argument as text: the user's digits when it is exactly what they typed (or 1 − it). */
  private argText(arg: number): string {
    if (!this.logits && this.d.safeguard === 'none') {
      const typed = Number(this.ctx.inputText);
      if (this.same(arg, typed)) return this.pText;
      const exact = this.ctx.inputTyped ? oneMinusDecimal(this.ctx.inputText) : null;
      if (exact !== null && this.same(arg, 1 - typed)) return exact;
    }
    return this.fmt(arg);
  }

  /** Equal up to the rounding of the dtype the loss was computed in. */
  private same(a: number, b: number): boolean {
    if (a === b) return true;
    const tolerance = this.ctx.options.dtype === 'float32' ? 2 ** -22 : 2 ** -49;
    return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }

  private logs(): void {
    const parts: string[] = [];
    const sentences: string[] = [];
    const floor = PRESETS[this.ctx.options.preset].logFloor;
    for (const [arg, log, term] of this.activeLogs()) {
      if (arg === null || log === null) continue;
      const viaSigmoid = this.sigmoidArgument(arg, log, term);
      const argTex = viaSigmoid?.tex ?? this.argTex(arg);
      const clamped = floor !== null && this.d.safeguard === 'clamp-log-100' && Math.log(arg) < floor;
      parts.push(clamped ? `\\max\\left(\\ln(${argTex}), ${floor}\\right) = ${this.tex(log)}` : `\\ln(${argTex}) = ${this.tex(log)}`);
      const argText = viaSigmoid?.text ?? this.argText(arg);
      sentences.push(clamped ? l10n.t`after the clamp the log of ${argText} counts as ${this.fmt(log)}` : `ln(${argText}) = ${this.fmt(log)}`);
    }
    const evaluated = andList(sentences);
    let text =
      sentences.length > 1
        ? l10n.t`Evaluate the natural logs: ${evaluated}. The log of a probability below 1 is negative.`
        : l10n.t`Evaluate the natural log: ${evaluated}. The log of a probability below 1 is negative.`;
    if (this.logits) {
      text += ' ' + l10n.t('For logits the frameworks take these logs from z directly (log-sigmoid), which stays accurate even when σ(z) rounds to 0 or 1.');
    }
    this.add('log', parts.join(', \\qquad '), text);
  }

  /** The flip of sign, with the weights applied; returns the element loss in nats. */
  private negate(): number {
    const d = this.d;
    const terms: string[] = [];
    const positive = d.active !== 'negative' && d.logPositive !== null;
    const negative = d.active !== 'positive' && d.logNegative !== null;
    if (positive) {
      const c = this.posWeighted ? d.posWeight * d.target : d.target;
      terms.push(`${c === 1 ? '' : `${texFactor(this.tex(c))} \\cdot `}${texFactor(this.tex(d.logPositive ?? NaN))}`);
    }
    if (negative) {
      const c = 1 - d.target;
      terms.push(`${c === 1 ? '' : `${texFactor(this.tex(c))} \\cdot `}${texFactor(this.tex(d.logNegative ?? NaN))}`);
    }
    const w = this.outer();
    const inner = terms.length === 1 ? (terms[0] ?? '') : `\\left[ ${terms.join(' + ')} \\right]`;
    const prefix = w ? `-${texFactor(w)} \\cdot ` : '-';
    const lnb = LN_OF_BASE[this.ctx.options.logBase];
    // The engine's own value, so the walkthrough and the table agree to the last digit.
    const nats = d.loss * lnb;
    const wrapped = terms.length === 1 && !inner.startsWith('(') ? `(${inner})` : inner;
    const tex = `${this.bce} = ${prefix}${wrapped} = ${this.tex(nats)}`;
    const value = this.fmt(nats);
    const weight = this.fmt(d.weight);
    let text: string;
    if (terms.length > 1) {
      text = this.weighted
        ? l10n.t`Flip the sign: the logs are negative, so the loss comes out positive, and the weight ${weight} multiplies it: ${value}.`
        : l10n.t`Flip the sign: the logs are negative, so the loss comes out positive: ${value}.`;
    } else {
      text = this.weighted
        ? l10n.t`Flip the sign: the log is negative, so the loss comes out positive, and the weight ${weight} multiplies it: ${value}.`
        : l10n.t`Flip the sign: the log is negative, so the loss comes out positive: ${value}.`;
    }
    this.add('negate', tex, text);
    return nats;
  }

  private baseChange(nats: number): void {
    const base = this.ctx.options.logBase;
    const inBase = this.weightedLoss();
    const tex = `${this.bce} = \\frac{${this.tex(nats)}}{\\ln ${base}} = ${this.tex(inBase)}`;
    this.add(
      'base-change',
      tex,
      l10n.t`In base ${base} the loss is the same quantity in another unit: divide by ln ${base} ≈ ${formatNumber(LN_OF_BASE[base])}, giving ${this.fmt(inBase)}. Frameworks report the natural-log value, ${this.fmt(nats)}.`,
    );
  }

  /** This element's loss, weight included, in the chosen base. */
  private weightedLoss(): number {
    return this.d.loss;
  }

  private result(): void {
    const d = this.d;
    const value = this.weightedLoss();
    const label = d.label !== null && isNamed(d.label) ? ` \\qquad (${texText(d.label)})` : '';
    const gap = Math.abs(d.target - d.prediction);
    let verdict: string;
    if (gap <= 0.2) verdict = l10n.t('the prediction is close to the target, so the loss is small');
    else if (gap < 0.5) verdict = l10n.t('the prediction is on the right side of 0.5 but not confident, so the loss is moderate');
    else if (gap === 0.5) verdict = l10n.t('the prediction sits at 0.5, undecided');
    else verdict = l10n.t('the prediction leans the wrong way, so the loss is large');
    this.add('result', `${this.bce} = ${this.tex(value)}${label}`, l10n.t`The loss for ${this.who} is ${this.fmt(value)}: ${verdict}.`);
  }

  /**
   * Backprop's view of this element: ∂L/∂ŷ and ∂L/∂z under the chosen reduction. The formula is
   * written out only when it reproduces the engine's number (no clip or clamp acting), so what is
   * shown is what autograd gives.
   */
  private gradient(): void {
    const d = this.d;
    const s = this.s;
    const gp = d.gradPrediction;
    const gz = d.gradLogit;
    const o = this.ctx.options;
    const divisor = this.ctx.reductionDivisor;
    const lnb = LN_OF_BASE[o.logBase];
    const w = this.weighted ? d.weight : 1;
    const pw = this.posWeighted ? d.posWeight : 1;
    const y = d.target;
    const p = d.prediction;
    // Worked from the definitions, independently of the engine's gradient code.
    const expectedZ = (w * ((1 + (pw - 1) * y) * p - pw * y)) / divisor / lnb;
    const expectedP = (w * ((1 - y) / (1 - p) - (pw * y) / p)) / divisor / lnb;
    const shown = d.safeguard === 'none' && o.reduction !== 'none';
    const zFormula = shown && this.same(expectedZ, gz);
    const pFormula = shown && !this.posWeighted && p > 0 && p < 1 && this.same(expectedP, gp);

    const isCount = divisor === this.ctx.elementCount;
    const base = o.logBase === 'e' ? '' : `\\ln ${o.logBase}`;
    const denSymbol = [divisor === 1 ? '' : isCount ? 'N' : 'D', base].filter(Boolean).join(' \\, ');
    const denNumber = [divisor === 1 ? '' : formatNumberTex(divisor), base].filter(Boolean).join(' \\cdot ');
    const wNum = this.weighted ? `${texFactor(this.tex(d.weight))} \\cdot ` : '';
    const frac = (num: string, den: string): string => (den ? `\\frac{${num}}{${den}}` : num);
    const diff = `${this.pTex} - ${texFactor(this.yTex)}`;
    // The symbolic forms with a subscript (`_{1}`) inside the whole step, or with none ('') for
    // the general formula that every card shares.
    const symP = (sub: string): string => {
      const yHat = `\\hat{y}${sub}`;
      const symNum = this.weighted ? `w${sub}(${yHat} - y${sub})` : `${yHat} - y${sub}`;
      return frac(symNum, [`${yHat}(1 - ${yHat})`, denSymbol].filter(Boolean).join(' \\, '));
    };
    const symZ = (sub: string): string => {
      const sigma = this.logits ? `\\sigma(z${sub})` : `\\hat{y}${sub}`;
      const c = this.posWeighted ? `(1 + (p_{w} - 1) y${sub}) ${sigma} - p_{w} y${sub}` : `${sigma} - y${sub}`;
      return frac(this.weighted ? `w${sub}\\left(${c}\\right)` : c, denSymbol);
    };
    const lhsP = (sub: string): string => `\\frac{\\partial L}{\\partial \\hat{y}${sub}}`;
    const lhsZ = (sub: string): string => `\\frac{\\partial L}{\\partial z${sub}}`;
    const sub = `_{${s}}`;

    let numP = '';
    if (pFormula) {
      const num = this.weighted ? `${wNum}(${diff})` : diff;
      const den = [this.pTex, this.oneMinusPTex(), denNumber].filter(Boolean).join(' \\cdot ');
      numP = `${frac(num, den)} = `;
    }
    let numZ = '';
    if (zFormula) {
      let inner = diff;
      if (this.posWeighted) {
        inner = `${texFactor(this.tex(1 + (pw - 1) * y))} \\cdot ${this.pTex} - ${texFactor(this.tex(pw))} \\cdot ${texFactor(this.yTex)}`;
      }
      numZ = `${frac(this.weighted ? `${wNum}(${inner})` : inner, denNumber)} = `;
    }
    const pLine = `${lhsP(sub)} &= ${pFormula ? `${symP(sub)} = ` : ''}${numP}${this.tex(gp)}`;
    const zLine = `${lhsZ(sub)} &= ${zFormula ? `${symZ(sub)} = ` : ''}${numZ}${this.tex(gz)}`;
    const tex = `\\begin{aligned} ${pLine} \\\\ ${zLine} \\end{aligned}`;

    let split: DerivationStep['split'];
    if (pFormula || zFormula) {
      const lines: string[] = [];
      const spoken: string[] = [];
      const denText = [divisor === 1 ? '' : isCount ? 'N' : 'D', o.logBase === 'e' ? '' : `ln ${o.logBase}`].filter(Boolean).join('·');
      const over = (num: string, den: string): string => (den === '' ? num : `${num} / ${den.includes('·') ? `(${den})` : den}`);
      const w = this.weighted ? 'w·' : '';
      if (pFormula) {
        lines.push(`${lhsP('')} &= ${symP('')}`);
        spoken.push(`∂L/∂ŷ = ${over(`${w}(ŷ − y)`, ['ŷ(1 − ŷ)', denText].filter(Boolean).join('·'))}`);
      }
      if (zFormula) {
        lines.push(`${lhsZ('')} &= ${symZ('')}`);
        const core = this.posWeighted ? '(1 + (p_w − 1)·y)·σ(z) − p_w·y' : `${this.logits ? 'σ(z)' : 'ŷ'} − y`;
        spoken.push(`∂L/∂z = ${over(`${w}(${core})`, denText)}`);
      }
      split = {
        general: lines.length === 1 ? (lines[0] ?? '').replace(' &= ', ' = ') : `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`,
        generalText:
          spoken.length > 1
            ? l10n.t`The gradients in general, the same for every element: ${andList(spoken)}.`
            : l10n.t`The gradient in general, the same for every element: ${andList(spoken)}.`,
        numbers: `\\begin{aligned} ${lhsP(sub)} &= ${numP}${this.tex(gp)} \\\\ ${lhsZ(sub)} &= ${numZ}${this.tex(gz)} \\end{aligned}`,
      };
    }

    const source = this.logits ? l10n.t('the logit z') : l10n.t('the logit z behind ŷ (if ŷ came from a sigmoid)');
    const parts: string[] = [l10n.t`∂L/∂ŷ = ${this.fmt(gp)} and ∂L/∂z = ${this.fmt(gz)}.`];
    if (zFormula) {
      // Assembled from phrases: every combination as a sentence of its own would be 24 messages.
      const by =
        divisor === 1
          ? l10n.t('with nothing to divide by since the losses are summed')
          : isCount
            ? l10n.t`divided by N = ${formatNumber(divisor)} because the loss is a mean`
            : l10n.t`divided by D = ${formatNumber(divisor)} as the reduction does`;
      const scaled = this.weighted ? l10n.t`times the weight ${this.fmt(d.weight)}` : '';
      const unit = o.logBase === 'e' ? '' : ' ' + l10n.t`and by ln ${o.logBase} for the unit`;
      const core = this.posWeighted ? `(1 + (p_w − 1)·y)·σ(z) − p_w·y` : l10n.t`simply ${this.logits ? 'σ(z)' : 'ŷ'} − y`;
      parts.push(l10n.t`For the logit it is ${core}${scaled ? `, ${scaled}` : ''}, ${by}${unit}.`);
    }
    if (gz === 0) {
      parts.push(
        d.safeguard === 'none'
          ? l10n.t`The gradient with respect to ${source} is 0: the prediction already matches the target, so training does not move it.`
          : l10n.t`The gradient with respect to ${source} is 0: the clip cuts the gradient for this element, so training does not move it.`,
      );
    } else {
      const gap = Math.abs(p - y);
      const how = gap > 0.5 ? l10n.t('hard') : gap > 0.2 ? l10n.t('moderately') : l10n.t('gently');
      const away = formatNumber(gap, 3);
      parts.push(
        gz < 0
          ? l10n.t`The gradient with respect to ${source} is negative, so a gradient-descent step raises z, pushing ŷ up towards 1, ${how}: ŷ is ${away} away from y, and the push shrinks as ŷ gets closer.`
          : l10n.t`The gradient with respect to ${source} is positive, so a gradient-descent step lowers z, pushing ŷ down towards 0, ${how}: ŷ is ${away} away from y, and the push shrinks as ŷ gets closer.`,
      );
    }
    this.steps.push({ kind: 'gradient', tex, text: parts.join(' '), ...(split ? { split } : {}) });
  }
}

/** Whether a label says anything (a blank name is treated as no name). */
export function isNamed(label: string): boolean {
  return label.trim() !== '';
}

/** "“car”", "“car” in sample 2", "element 3" or "element (2, 3)": user labels are quoted, never interpreted. */
export function describeElement(d: Pick<ElementDetail, 'index' | 'label'>): string {
  const position = d.index.map((i) => i + 1);
  if (d.label !== null && isNamed(d.label)) {
    return position.length > 1 ? l10n.t`“${d.label}” in sample ${String(position[0])}` : l10n.t`“${d.label}”`;
  }
  return position.length > 1 ? l10n.t`element (${position.join(', ')})` : l10n.t`element ${String(position[0])}`;
}
