import { html, type SafeHtml } from '../web/html.js';

/**
 * The form parts of the phone pages, after GOV.UK's patterns: a question's
 * text is the legend or label and, on a one-question page, the page's heading;
 * an error is written above its field and linked from the summary; the first
 * input of a group has the group's name as id, so the summary's link lands on it.
 */
export interface Option {
  readonly value: string;
  readonly label: string;
  /** A longer explanation, read with the label (an initiative's description). */
  readonly hint?: string | undefined;
}

interface GroupOptions {
  readonly name: string;
  readonly legend: string;
  readonly options: readonly Option[];
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  /** The legend is the page's h1. */
  readonly asHeading?: boolean;
}

export const inputId = (name: string, index: number): string => (index === 0 ? name : `${name}-${index}`);

const legendOf = (legend: string, asHeading: boolean | undefined): SafeHtml =>
  asHeading ? html`<legend class="question"><h1>${legend}</h1></legend>` : html`<legend>${legend}</legend>`;

const described = (name: string, hint: string | undefined, error: string | undefined): SafeHtml => {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : html``;
};

const hintAndError = (name: string, hint: string | undefined, error: string | undefined): SafeHtml =>
  html`${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : ''}`;

function group(type: 'radio' | 'checkbox', options: GroupOptions, isChecked: (value: string) => boolean): SafeHtml {
  const { name, error, hint } = options;
  return html`<fieldset class="choices${error ? ' has-error' : ''}"${described(name, hint, error)}>
${legendOf(options.legend, options.asHeading)}
${hintAndError(name, hint, error)}
${options.options.map(
  (option, index) =>
    html`<div class="choice"><input type="${type}" id="${inputId(name, index)}" name="${name}" value="${option.value}"${isChecked(option.value) ? html` checked` : ''}><label for="${inputId(name, index)}">${option.label}${option.hint ? html`<span class="hint">${option.hint}</span>` : ''}</label></div>`,
)}
</fieldset>`;
}

export const radios = (options: GroupOptions & { readonly checked?: string | undefined }): SafeHtml =>
  group('radio', options, (value) => value === options.checked);

export const checkboxes = (options: GroupOptions & { readonly checked: readonly string[] }): SafeHtml =>
  group('checkbox', options, (value) => options.checked.includes(value));

interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly value?: string | undefined;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly maxLength?: number;
  readonly asHeading?: boolean;
  readonly autocomplete?: string;
  readonly inputMode?: 'numeric' | 'email' | 'tel';
}

const labelOf = (options: FieldOptions): SafeHtml =>
  options.asHeading
    ? html`<h1 class="question"><label for="${options.name}">${options.label}</label></h1>`
    : html`<label for="${options.name}">${options.label}</label>`;

export const textArea = (options: FieldOptions): SafeHtml =>
  html`<div class="field${options.error ? ' has-error' : ''}">${labelOf(options)}${hintAndError(options.name, options.hint, options.error)}
<textarea id="${options.name}" name="${options.name}" rows="6"${options.maxLength ? html` maxlength="${options.maxLength}"` : ''}${described(options.name, options.hint, options.error)}>${options.value ?? ''}</textarea></div>`;

export const textInput = (options: FieldOptions): SafeHtml =>
  html`<div class="field${options.error ? ' has-error' : ''}">${labelOf(options)}${hintAndError(options.name, options.hint, options.error)}
<input type="text" id="${options.name}" name="${options.name}" value="${options.value ?? ''}"${options.maxLength ? html` maxlength="${options.maxLength}"` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.inputMode ? html` inputmode="${options.inputMode}"` : ''}${described(options.name, options.hint, options.error)}></div>`;

export const submitButton = (label: string, name?: string, value?: string): SafeHtml =>
  html`<button type="submit"${name ? html` name="${name}" value="${value ?? ''}"` : ''}>${label}</button>`;

/** One checkbox on its own (an agreement): its label says it all, no group legend. */
export const checkbox = (options: {
  readonly name: string;
  readonly label: string;
  readonly checked: boolean;
  readonly error?: string | undefined;
}): SafeHtml =>
  html`<div class="single${options.error ? ' has-error' : ''}">${hintAndError(options.name, undefined, options.error)}<div class="choice"><input type="checkbox" id="${options.name}" name="${options.name}" value="yes"${options.checked ? html` checked` : ''}${described(options.name, undefined, options.error)}><label for="${options.name}">${options.label}</label></div></div>
`;
