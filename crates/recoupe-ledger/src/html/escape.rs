//! Escaping of text for HTML and SVG: every piece of text the report shows comes from the
//! articles, so none of it may ever be read as markup.

/// Text made safe for an element's content or a quoted attribute value (both quotes are
/// escaped, so the same string serves both). Control characters other than tab and newline
/// are dropped: they are not allowed in HTML and can only come from damaged input.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, with an ellipsis when it was cut (for chart labels,
/// whose room is fixed; the full text is in the tooltip and the table).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_neutralised() {
        assert_eq!(
            escape("<script>a && 'b' \"c\"</script>"),
            "&lt;script&gt;a &amp;&amp; &#39;b&#39; &quot;c&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("près de 8\u{a0}500\u{7}"), "près de 8\u{a0}500");
    }

    #[test]
    fn shorten_keeps_short_text_and_cuts_on_chars() {
        assert_eq!(shorten("Moscou", 10), "Moscou");
        assert_eq!(shorten("réconciliation", 5), "réco…");
    }
}
