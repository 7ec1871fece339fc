/// The report page's style sheet, inline: severity colours, the side-by-side table, notes on hover
/// and focus, CSS-only filters, a narrow-screen layout and a print layout.
enum HTMLStyle {
    static func css(rules: [String]) -> String {
        var css = """

            :root { --critical: #b3261e; --major: #b86e00; --minor: #5c6bc0; --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4da; }
            * { box-sizing: border-box; }
            body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1rem; }
            h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
            .id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
            .scoreboard td, .scoreboard th { white-space: nowrap; }
            tr.fail .verdict, .version.fail h2 .verdict { color: var(--critical); font-weight: 700; }
            h3.not-audited { color: var(--critical); }
            .side-by-side td { width: 50%; overflow-wrap: anywhere; }
            .side-by-side tr.unrendered td:first-child { background: #fff4e5; }
            mark.f { background: none; color: inherit; border-bottom: 3px solid; position: relative; cursor: help; padding: 0 1px; }
            mark.sev-critical { border-color: var(--critical); background: #fde7e6; }
            mark.sev-major { border-color: var(--major); background: #fff1d6; }
            mark.sev-minor { border-color: var(--minor); background: #e8eaf6; }
            mark.point { font-weight: 700; }
            mark .note { display: none; position: absolute; left: 0; top: 1.6em; z-index: 2; width: max-content; max-width: 22rem;
              background: #fff; color: var(--ink); border: 1px solid var(--line); border-radius: 4px; padding: .4rem .5rem;
              box-shadow: 0 2px 8px rgba(0,0,0,.15); font-size: .875rem; font-weight: 400; }
            mark:hover .note, mark:focus .note { display: block; }
            .chip { display: inline-block; border-radius: 999px; padding: 0 .5rem; font-size: .8rem; border: 1px solid var(--line); }
            .chip.sev-critical { background: var(--critical); color: #fff; } .chip.sev-major { background: var(--major); color: #fff; }
            .chip.sev-minor { background: var(--minor); color: #fff; }
            .findings li { margin: .25rem 0; } .category, .where { color: var(--muted); font-size: .875rem; }
            .legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
            .legend dd { margin: 0; }
            .filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
            .filters fieldset { border: 1px solid var(--line); border-radius: 6px; }
            .filters label { cursor: pointer; margin: .1rem; }
            input.toggle { position: absolute; opacity: 0; pointer-events: none; }
            input.toggle:focus-visible + * { outline: 2px solid; }
            @media (max-width: 700px) {
              .side-by-side thead { display: none; }
              .side-by-side tr, .side-by-side td { display: block; width: 100%; }
              .side-by-side td:first-child { color: var(--muted); border-bottom: none; }
              .scoreboard { overflow-x: auto; }
              .legend dl { grid-template-columns: 1fr; } .legend dd { margin-bottom: .5rem; }
            }
            @media print {
              .filters, input.toggle { display: none; }
              mark .note { display: none !important; }
              .version { break-before: page; }
            }

            """
        for severity in ["critical", "major", "minor"] {
            css += "#show-\(severity):not(:checked) ~ main mark.sev-\(severity) { background: none; border-bottom-color: transparent; }\n"
            css += "#show-\(severity):not(:checked) ~ main li.sev-\(severity) { display: none; }\n"
            css += "#show-\(severity):not(:checked) ~ nav label[for=show-\(severity)] { opacity: .4; text-decoration: line-through; }\n"
        }
        for rule in rules {
            css += "#show-rule-\(rule):not(:checked) ~ main mark.rule-\(rule) { background: none; border-bottom-color: transparent; }\n"
            css += "#show-rule-\(rule):not(:checked) ~ main li.rule-\(rule) { display: none; }\n"
            css += "#show-rule-\(rule):not(:checked) ~ nav label[for=show-rule-\(rule)] { opacity: .4; text-decoration: line-through; }\n"
        }
        return css
    }
}
