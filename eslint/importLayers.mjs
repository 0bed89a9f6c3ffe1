// An ESLint rule in VS Code's manner (its `code-import-patterns`): every file belongs to one layer,
// named by globs, and a layer lists what it may import, our folders and npm packages alike. Anything
// not listed is an error, and so is a file no layer covers. The layers themselves are in layers.mjs.
import { dirname, relative, resolve } from 'node:path';
import { minimatch } from 'minimatch';

const matches = (path, globs) => globs.some((glob) => minimatch(path, glob, { dot: true }));

/** `react-dom/client` -> `react-dom`; `@fontsource/noto-sans/400.css` -> `@fontsource/noto-sans`; `node:fs` stays. */
const packageOf = (specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
};

/** An import written with `import type`, or whose every named part is a type. */
const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.type === 'ImportDeclaration' &&
    node.specifiers.length > 0 &&
    node.specifiers.every((specifier) => specifier.importKind === 'type'));

/** @type {import('eslint').Rule.RuleModule} */
export const importLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (an allow-list per layer, and every file in a layer).' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'array' } },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { root, layers } = context.options[0];
    const file = relative(root, context.filename).split('\\').join('/');
    const layer = layers.find((candidate) => matches(file, candidate.files));
    if (!layer) {
      return {
        Program(node) {
          context.report({ node, message: `No import layer covers ${file}: add it to a layer in eslint/layers.mjs.` });
        },
      };
    }
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value.split('?')[0];
      if (specifier.startsWith('.')) {
        const target = relative(root, resolve(dirname(context.filename), specifier))
          .split('\\')
          .join('/');
        // `./kioskCore.js` is kioskCore.ts (or .tsx, .cts) on disk: the layers name the files as they are.
        const onDisk = [target, ...['.ts', '.tsx'].map((ext) => target.replace(/\.js$/, ext)), target.replace(/\.cjs$/, '.cts')];
        const allowedBy = (globs) => onDisk.some((path) => matches(path, globs));
        if (allowedBy(layer.allow)) return;
        const typesOnly = layer.typesOnly !== undefined && allowedBy(layer.typesOnly);
        if (typesOnly && isTypeOnly(node)) return;
        const typesHint = typesOnly ? ' (types only, with `import type`)' : '';
        context.report({ node: source, message: `${layer.name} may not import ${target}${typesHint}: ${layer.why}` });
        return;
      }
      const name = packageOf(specifier);
      if (!matches(name, layer.packages))
        context.report({ node: source, message: `${layer.name} may not use the package ${name}: ${layer.why}` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
