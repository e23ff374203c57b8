//! The committed JSON Schema of claims is the one the types generate.
//!
//! To regenerate it after changing the claim types:
//!     RECOUPE_WRITE_SCHEMA=1 cargo test -p recoupe-extract --test claims_schema

use recoupe_model::claim::claim_schema;

#[test]
fn committed_schema_matches_the_types() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schemas/claim.schema.json"
    );
    let generated =
        serde_json::to_string_pretty(&claim_schema()).expect("a schema serializes") + "\n";
    if std::env::var_os("RECOUPE_WRITE_SCHEMA").is_some() {
        std::fs::write(path, &generated).expect("schemas/ is writable");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/claim.schema.json differs from the claim types; regenerate it with\n    \
         RECOUPE_WRITE_SCHEMA=1 cargo test -p recoupe-extract --test claims_schema"
    );
}
