//! `studio export activities|proposals` and `studio proposal pdf` over the demo data.

mod common;

use common::{stderr, studio};

fn json(
    dir: &std::path::Path,
    db: &std::path::Path,
    what: &str,
    extra: &[&str],
) -> serde_json::Value {
    let out = dir.join(format!("{what}.json"));
    let mut args = vec![
        "export",
        what,
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = studio(db, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap()
}

#[test]
fn export_activities_and_proposals_and_print_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    let items = json(dir.path(), &db, "items", &["--reason", "测试"]);
    let item_nos: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["no"].as_str().unwrap())
        .collect();

    // Proposals: the fields the issue names, the items by their `no` as in the items export.
    let p = json(dir.path(), &db, "proposals", &[]);
    let list = p.as_array().unwrap();
    assert_eq!(list.len(), 10);
    for r in list {
        for key in ["id", "number", "title", "status", "delegation"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
        let nos = r["items"].as_array().unwrap();
        assert!(!nos.is_empty(), "{r}");
        for no in nos {
            assert!(
                item_nos.contains(&no.as_str().unwrap()),
                "{no} not an item's no"
            );
        }
    }
    let statuses: Vec<&str> = list.iter().map(|r| r["status"].as_str().unwrap()).collect();
    for s in [
        "draft",
        "discussed",
        "submitted",
        "referred",
        "answered",
        "evaluated",
        "closed",
        "declined",
    ] {
        assert!(statuses.contains(&s), "no {s} in {statuses:?}");
    }
    let closed = list.iter().find(|r| r["status"] == "closed").unwrap();
    let units = closed["units"].as_array().unwrap();
    assert_eq!(units.len(), 2);
    for u in units {
        assert!(u["unit"].is_string() && u["due_on"].is_string(), "{u}");
        assert!(u["answered_on"].is_string(), "{u}");
    }
    // A referred proposal still waiting has a unit without an answer day.
    assert!(list
        .iter()
        .filter(|r| r["status"] == "referred")
        .any(|r| r["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["answered_on"].is_null())));

    // Activities: every field the issue names; the period filter narrows them.
    let a = json(dir.path(), &db, "activities", &[]);
    let acts = a.as_array().unwrap();
    assert!(acts.len() >= 15, "{}", acts.len());
    for r in acts {
        for key in ["id", "kind", "topic", "date", "delegation"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
        assert!(r["delegates"].is_array() && r["items"].is_array(), "{r}");
    }
    assert!(acts
        .iter()
        .any(|r| !r["items"].as_array().unwrap().is_empty()));
    let first = acts[0]["date"].as_str().unwrap().to_string();
    let one_day = json(
        dir.path(),
        &db,
        "activities",
        &["--from", &first, "--to", &first],
    );
    let n = one_day.as_array().unwrap().len();
    assert!(n >= 1 && n < acts.len(), "{n}");
    // CSV and Excel are written too.
    for fmt in ["csv", "xlsx"] {
        let out = dir.path().join(format!("p.{fmt}"));
        let o = studio(
            &db,
            &[
                "export",
                "proposals",
                "--format",
                fmt,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 100);
    }

    // The printed form of the closed proposal.
    let pdf = dir.path().join("p.pdf");
    let id = closed["id"].as_str().unwrap();
    let o = studio(
        &db,
        &["proposal", "pdf", "--id", id, "-o", pdf.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let o = studio(
        &db,
        &[
            "proposal",
            "pdf",
            "--id",
            "nope",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("找不到该提议"), "{}", stderr(&o));
}
