//! Words and punctuation of a sentence, lower-cased, with byte spans into the text they were
//! cut from. An elided article keeps its apostrophe ("d'", "l'") so lexicon phrases written
//! with one match.

/// One word or punctuation mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offsets into the tokenized text.
    pub start: usize,
    pub end: usize,
    /// Lower-cased form used for matching.
    pub key: String,
    pub is_word: bool,
    /// Written with a capital first letter (a name, or a sentence's first word).
    pub capitalized: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Cuts `text` into words (letters, digits, inner hyphens and dots between digits, and a
/// trailing `*` for lexicon prefixes) and single punctuation marks; spaces are dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while let Some(&(_, d)) = chars.get(j) {
                let next_alnum = chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphanumeric());
                if d.is_alphanumeric() || (d == '-' && next_alnum) || d == '*' {
                    j += 1;
                } else {
                    break;
                }
            }
            // An apostrophe right after a word elides it: keep it on the word ("d'", "l'").
            if let Some(&(_, d)) = chars.get(j)
                && is_apostrophe(d)
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let key = text
                .get(start..end)
                .unwrap_or("")
                .to_lowercase()
                .replace(['’', 'ʼ'], "'");
            tokens.push(Token {
                start,
                end,
                key,
                is_word: true,
                capitalized: c.is_uppercase(),
            });
            i = j;
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                start,
                end,
                key: c.to_string(),
                is_word: false,
                capitalized: false,
            });
            i += 1;
        }
    }
    tokens
}

/// Index of the first token that ends after `pos`, i.e. the token at or after `pos`.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.end <= pos)
}
