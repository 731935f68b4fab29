// The formula image of the hover, one per theme kind and formula variant. MathJax is loaded on
// the first hover that shows a loss, never at activation (getMathRenderer is lazy).
import * as vscode from 'vscode';
import { getMathRenderer } from '../../render/mathjax';
import { formulaColor, hoverFormulaTex, hoverFormulaText, svgDataUri, type FormulaChoice, type HoverImage, type ThemeKind } from '../../render/hover';

export function themeKindOf(kind: vscode.ColorThemeKind): ThemeKind {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'high-contrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'high-contrast-light';
    default:
      return 'dark';
  }
}

export class FormulaImages {
  private readonly images = new Map<string, HoverImage>();

  /** The formula for `choice`, coloured for the theme now active. */
  async image(choice: FormulaChoice): Promise<HoverImage> {
    const theme = themeKindOf(vscode.window.activeColorTheme.kind);
    const key = `${theme}|${choice.reduction}|${choice.logBase}|${choice.input}`;
    const cached = this.images.get(key);
    if (cached) return cached;
    const math = await getMathRenderer();
    const alt = hoverFormulaText(choice);
    const svg = math.toSvg(hoverFormulaTex(choice), { color: formulaColor(theme), label: alt });
    const image = { uri: svgDataUri(svg), alt };
    this.images.set(key, image);
    return image;
  }

  /** After a theme change: images are drawn again, in the new colour, on the next hover. */
  clear(): void {
    this.images.clear();
  }
}
