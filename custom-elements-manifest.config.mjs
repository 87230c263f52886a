/**
 * `npm run manifest`: custom-elements.json for editors, Storybook and
 * framework wrappers. The Lit plugin turns every `static properties` entry
 * into an attribute and a public field; entries with `state: true` are
 * internal state, not API, so this removes them again (and the nameless
 * duplicate that `dispatchEvent(new PlayerErrorEvent(…))` produces).
 */
function dropReactiveState() {
  const stateNames = new Map(); // class name -> Set of state property names
  return {
    name: 'aloud:drop-reactive-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStaticProperties =
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStaticProperties || !member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        const names = new Set();
        for (const entry of member.initializer.properties) {
          const isState = ts.isPropertyAssignment(entry) && /\bstate\s*:\s*true\b/.test(entry.initializer.getText());
          if (isState) names.add(entry.name.getText());
        }
        stateNames.set(node.name.getText(), names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const names = stateNames.get(declaration.name);
          if (!names) continue;
          declaration.attributes = declaration.attributes?.filter(
            (attribute) => !names.has(attribute.fieldName ?? attribute.name),
          );
          declaration.members = declaration.members?.filter((member) => !names.has(member.name));
          // dispatchEvent(new PlayerErrorEvent(…)) is found as a nameless event; @fires names it.
          declaration.events = declaration.events?.filter((event) => event.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/aloud-player/aloud-player.ts', 'src/elements/aloud-player/events.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropReactiveState()],
};
