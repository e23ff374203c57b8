//! The outlet that published a document: declared by metadata, else read from a byline
//! ("Par Euronews"), else the host name of the document's URL.

use recoupe_model::{Outlet, OutletOrigin};

use crate::boilerplate::Byline;

/// The outlet, from the best evidence available.
pub fn choose_outlet(
    metadata: Option<&str>,
    byline: Option<&Byline>,
    url: Option<&str>,
) -> Option<Outlet> {
    if let Some(name) = metadata.map(str::trim).filter(|n| !n.is_empty()) {
        return Some(Outlet {
            name: name.to_owned(),
            origin: OutletOrigin::Metadata,
            span: None,
        });
    }
    if let Some(b) = byline {
        return Some(Outlet {
            name: b.name.clone(),
            origin: OutletOrigin::Byline,
            span: Some(b.span),
        });
    }
    url.and_then(url_host).map(|name| Outlet {
        name,
        origin: OutletOrigin::Url,
        span: None,
    })
}

/// The host of a URL without `www.`, lowercase: `https://www.lapresse.ca/x` → `lapresse.ca`.
pub fn url_host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let valid = host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
    valid.then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use recoupe_model::Span;

    #[test]
    fn metadata_then_byline_then_url() {
        let byline = Byline {
            name: "Euronews".into(),
            span: Span::new(0, 12),
            relay: false,
        };
        let url = Some("http://www.lapresse.ca/international/x.php");
        let o = choose_outlet(Some("La DH"), Some(&byline), url).map(|o| (o.name, o.origin));
        assert_eq!(o, Some(("La DH".into(), OutletOrigin::Metadata)));
        let o = choose_outlet(None, Some(&byline), url).map(|o| (o.name, o.origin));
        assert_eq!(o, Some(("Euronews".into(), OutletOrigin::Byline)));
        let o = choose_outlet(Some(" "), None, url).map(|o| (o.name, o.origin));
        assert_eq!(o, Some(("lapresse.ca".into(), OutletOrigin::Url)));
        assert_eq!(url_host("not a url"), None);
    }
}
