//! Excel import speed: the preview of a 2,000-row roster sheet (target ≤ 1 s) against a roster of
//! 2,000 delegates in 40 delegations: half the rows are delegates already there with a changed
//! position (更新), half are new people (新增). Also times the import itself once (one transaction,
//! 2,000 written rows with their change records) and prints it.

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use rust_xlsxwriter::Workbook;
use studio_core::import::{self, ImportKind};
use studio_core::roster;
use studio_core::{Actor, Ctx, Role, Store};

const ROWS: usize = 2_000;

fn sheet(store: &Store, ctx: &Ctx) -> Vec<u8> {
    // The generated roster has a few namesakes in one unit: a sheet row cannot tell them apart
    // (the import says so); the sheet updates the others.
    let all = roster::all_delegates(store, ctx).unwrap();
    let mut count = std::collections::HashMap::new();
    for d in &all {
        *count.entry((d.name.clone(), d.unit.clone())).or_insert(0) += 1;
    }
    let roster: Vec<_> = all
        .iter()
        .filter(|d| count[&(d.name.clone(), d.unit.clone())] == 1)
        .collect();
    assert!(roster.len() >= ROWS / 2);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let header = [
        "姓名",
        "性别",
        "所在代表团",
        "工作单位",
        "职务",
        "手机号码",
        "电子邮箱",
        "届次",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..ROWS {
        let r = i as u32 + 1;
        let d = roster[i % roster.len()];
        let row: Vec<String> = if i < ROWS / 2 {
            // A delegate of the roster: same name and unit, a new position.
            vec![
                d.name.clone(),
                String::new(),
                String::new(),
                d.unit.clone(),
                format!("教授（{i}）"),
                String::new(),
                String::new(),
                String::new(),
            ]
        } else {
            vec![
                format!("新代表{i:04}"),
                if i % 2 == 0 { "男" } else { "女" }.into(),
                d.delegation_name.clone(),
                format!("新单位{}", i % 37),
                "副教授".into(),
                format!("139{:08}", i),
                format!("new{i}@example.edu.cn"),
                "第十四届".into(),
            ]
        };
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, c as u16, v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("bench.db")).unwrap();
    studio_core::demo::bulk_roster(&store, 40, ROWS, 7).unwrap();
    let ctx = Ctx::now(Actor::new("基准", Role::Admin));
    let bytes = sheet(&store, &ctx);

    let p = import::preview(&store, &ctx, ImportKind::Delegates, &bytes).unwrap();
    assert_eq!(p.rows.len(), ROWS);
    assert_eq!(
        p.error_rows,
        0,
        "{:?}",
        p.rows.iter().find(|r| !r.errors.is_empty())
    );
    eprintln!("预览：{}（{} KB）", p.summary(), bytes.len() / 1024);

    let mut g = c.benchmark_group("import_roster_2000");
    g.sample_size(10);
    g.bench_function("preview", |b| {
        b.iter(|| import::preview(&store, &ctx, ImportKind::Delegates, &bytes).unwrap())
    });
    g.finish();

    let t = Instant::now();
    let report = import::commit(&store, &ctx, ImportKind::Delegates, &bytes).unwrap();
    eprintln!(
        "导入（一个事务）：{}，用时 {:.0} ms",
        report.summary(),
        t.elapsed().as_secs_f64() * 1000.0
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
