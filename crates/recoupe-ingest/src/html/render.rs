//! HTML to plain text that keeps the structure the text stage segments on: paragraphs and
//! other blocks separated by a blank line, `<br>`, list items and table rows on their own
//! lines. Whitespace is collapsed the HTML way (ASCII whitespace only, so no-break spaces in
//! French typography survive). The walk uses an explicit stack: deep nesting cannot overflow.

use dom_query::NodeRef;

/// How an element breaks the flow of text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Never rendered (scripts, styles, forms, media).
    Hidden,
    /// A paragraph-level block: a blank line before and after.
    Block,
    /// A line-level block: a line break before and after.
    Line,
    /// A table cell: a space after.
    Cell,
    Break,
    Inline,
}

fn kind(name: &str, skip_chrome: bool) -> Kind {
    match name {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "iframe" | "object"
        | "embed" | "svg" | "math" | "button" | "select" | "textarea" | "input" | "canvas"
        | "video" | "audio" | "map" | "form" | "dialog" => Kind::Hidden,
        "nav" | "header" | "footer" | "aside" if skip_chrome => Kind::Hidden,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "ul" | "ol"
        | "dl" | "table" | "figure" | "figcaption" | "div" | "section" | "article" | "main"
        | "header" | "footer" | "aside" | "nav" | "address" | "hr" | "details" | "summary"
        | "center" | "fieldset" | "body" | "html" => Kind::Block,
        "li" | "dt" | "dd" | "tr" | "caption" | "option" | "legend" => Kind::Line,
        "td" | "th" => Kind::Cell,
        "br" => Kind::Break,
        _ => Kind::Inline,
    }
}

struct Out {
    text: String,
    /// Break owed before the next visible character: 0 none, 1 line, 2 paragraph.
    pending: u8,
    /// A collapsed whitespace run owed before the next visible character.
    space: bool,
    /// Depth inside `<pre>`, where whitespace is kept.
    pre: usize,
}

impl Out {
    fn brk(&mut self, level: u8) {
        if !self.text.is_empty() {
            self.pending = self.pending.max(level);
        }
        self.space = false;
    }

    fn flush(&mut self) {
        if self.pending > 0 {
            let trimmed = self.text.trim_end_matches([' ', '\t']).len();
            self.text.truncate(trimmed);
            self.text
                .push_str(if self.pending >= 2 { "\n\n" } else { "\n" });
            self.pending = 0;
            self.space = false;
        } else if self.space {
            if !self.text.is_empty() && !self.text.ends_with(['\n', ' ']) {
                self.text.push(' ');
            }
            self.space = false;
        }
    }

    fn push_text(&mut self, t: &str) {
        if self.pre > 0 {
            if !t.is_empty() {
                self.flush();
                self.text.push_str(t);
            }
            return;
        }
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                self.space = true;
            } else {
                self.flush();
                self.text.push(c);
            }
        }
    }
}

enum Op<'a> {
    Enter(NodeRef<'a>),
    Leave(Kind, bool),
}

/// Renders the children of `root`. With `skip_chrome`, page furniture (`nav`, `header`,
/// `footer`, `aside`) is left out too.
pub(crate) fn render(root: &NodeRef, skip_chrome: bool) -> String {
    let mut out = Out {
        text: String::new(),
        pending: 0,
        space: false,
        pre: 0,
    };
    let mut stack: Vec<Op> = root.children_it(true).map(Op::Enter).collect();
    while let Some(op) = stack.pop() {
        match op {
            Op::Enter(node) => {
                if node.is_text() {
                    out.push_text(&node.text());
                    continue;
                }
                if !(node.is_element() || node.is_fragment() || node.is_document()) {
                    continue;
                }
                let name = node
                    .node_name()
                    .map(|n| n.to_ascii_lowercase())
                    .unwrap_or_default();
                let k = kind(&name, skip_chrome);
                let is_pre = name == "pre";
                match k {
                    Kind::Hidden => continue,
                    Kind::Block => out.brk(2),
                    Kind::Line => out.brk(1),
                    Kind::Break => {
                        // `<br><br>` reads as a paragraph break.
                        let level = if out.pending >= 1 { 2 } else { 1 };
                        out.brk(level);
                        continue;
                    }
                    Kind::Cell | Kind::Inline => {}
                }
                if is_pre {
                    out.pre += 1;
                }
                stack.push(Op::Leave(k, is_pre));
                stack.extend(node.children_it(true).map(Op::Enter));
            }
            Op::Leave(k, is_pre) => {
                if is_pre {
                    out.pre = out.pre.saturating_sub(1);
                }
                match k {
                    Kind::Block => out.brk(2),
                    Kind::Line => out.brk(1),
                    Kind::Cell => out.space = true,
                    _ => {}
                }
            }
        }
    }
    let end = out.text.trim_end().len();
    out.text.truncate(end);
    out.text
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    fn text(html: &str) -> String {
        let doc = Document::fragment(html);
        render(&doc.root(), false)
    }

    #[test]
    fn structure() {
        assert_eq!(
            text("<p>Un  <b>deux</b>\n trois.</p><p>Quatre.</p>"),
            "Un deux trois.\n\nQuatre."
        );
        assert_eq!(text("<p>Ligne<br>suivante</p>"), "Ligne\nsuivante");
        assert_eq!(text("<p>a<br><br>b</p>"), "a\n\nb");
        assert_eq!(
            text("<ul><li>un</li><li>deux</li></ul><p>fin</p>"),
            "un\ndeux\n\nfin"
        );
        assert_eq!(
            text("<p>Avant</p><blockquote>« Cité »</blockquote><p>Après</p>"),
            "Avant\n\n« Cité »\n\nAprès"
        );
        assert_eq!(
            text("<p>8\u{a0}500 civils</p><script>x()</script>"),
            "8\u{a0}500 civils"
        );
        assert_eq!(text("<pre>a  b\n c</pre>"), "a  b\n c");
        assert_eq!(
            text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a b\nc"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}x{}", "<span>".repeat(20_000), "</span>".repeat(20_000));
        assert_eq!(text(&html), "x");
    }
}
