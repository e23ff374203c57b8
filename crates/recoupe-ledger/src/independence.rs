//! Independence of sources: for each measure, who stands behind its figures (the origin:
//! organisation, else speaker, else the outlet itself for unattributed figures) and which
//! party that origin belongs to (`ledger-parties.toml`), against the outlets that relay them.
//! Copies are left out: a copied sentence adds no origin.

use std::collections::BTreeMap;

use crate::ledger::{Independence, LedgerClaim, LedgerDocument, Measure, OriginRow, RelayRow};

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_owned());
    }
}

/// Origins, parties and outlets of every measure.
pub fn weigh(claims: &[LedgerClaim], measures: &[Measure]) -> Vec<Independence> {
    measures
        .iter()
        .map(|m| {
            let mut origins: Vec<OriginRow> = Vec::new();
            let mut outlets = Vec::new();
            for p in &m.series {
                let c = &claims[p.claim];
                push_unique(&mut outlets, &c.outlet);
                if c.copy_of.is_some() {
                    continue;
                }
                match origins.iter_mut().find(|o| o.origin == c.origin) {
                    Some(o) => {
                        o.claims.push(c.id);
                        push_unique(&mut o.outlets, &c.outlet);
                    }
                    None => origins.push(OriginRow {
                        origin: c.origin.clone(),
                        party: c.party.clone(),
                        party_name: c.party_name.clone(),
                        claims: vec![c.id],
                        outlets: vec![c.outlet.clone()],
                    }),
                }
            }
            let mut parties: Vec<String> = Vec::new();
            for o in &origins {
                // An origin no party lists is a party of its own.
                let key = o
                    .party
                    .clone()
                    .unwrap_or_else(|| format!("origin:{}", o.origin));
                push_unique(&mut parties, &key);
            }
            Independence {
                measure: m.id,
                independent_origins: parties.len(),
                single_party: parties.len() == 1,
                origins,
                outlets,
            }
        })
        .collect()
}

/// For each outlet: its documents, the parties behind its figures and the sources it names.
pub fn relays(claims: &[LedgerClaim], documents: &[LedgerDocument]) -> Vec<RelayRow> {
    let mut rows: BTreeMap<String, RelayRow> = BTreeMap::new();
    for (i, d) in documents.iter().enumerate() {
        let outlet = d.outlet.clone().unwrap_or_else(|| d.source.clone());
        let row = rows.entry(outlet.clone()).or_insert_with(|| RelayRow {
            outlet,
            documents: Vec::new(),
            origins: Vec::new(),
            relayed: Vec::new(),
        });
        row.documents.push(i);
        for r in &d.relayed {
            push_unique(&mut row.relayed, r);
        }
    }
    for c in claims {
        let Some(row) = rows.get_mut(&c.outlet) else {
            continue;
        };
        match row
            .origins
            .iter_mut()
            .find(|(name, _)| *name == c.party_name)
        {
            Some((_, n)) => *n += 1,
            None => row.origins.push((c.party_name.clone(), 1)),
        }
    }
    rows.into_values().collect()
}
