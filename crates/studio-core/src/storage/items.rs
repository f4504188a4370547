//! Items SQL: the ledger, its delegates, the timeline and the two full-text indexes.

/// The 2-character index's text for `text`: every overlapping pair of alphanumeric characters,
/// lower-cased, separated by spaces. Runs break at anything else, so a pair never spans
/// punctuation or a space, and a lone character yields nothing ("信息化建设" → "信息 息化 化建 建设";
/// "Wi-Fi 6" → "wi fi"). `items_bigrams` (unicode61 tokenizer) then holds each pair as one token.
pub fn bigrams(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if let Some(p) = prev {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push(p);
                out.push(c);
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::bigrams;

    #[test]
    fn pairs_of_alphanumerics_lower_cased_never_across_punctuation() {
        assert_eq!(bigrams("信息化建设"), "信息 息化 化建 建设");
        assert_eq!(bigrams("Wi-Fi 6"), "wi fi");
        assert_eq!(bigrams("食堂，价格"), "食堂 价格");
        assert_eq!(bigrams("A"), "");
        assert_eq!(bigrams(""), "");
    }
}
