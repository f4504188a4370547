//! `studio export summary|units`: 统计汇总 and 承办单位 for a period (default: the current calendar
//! year) as JSON, CSV, Excel or PDF. Figures and delegates' names only, no personal data: no
//! reason is asked.

use std::path::Path;

use studio_core::export;
use studio_core::files::write_atomic;
use studio_core::printing;
use studio_core::reports::{self, Period};
use studio_core::{Ctx, Error, Store};

pub fn run(
    store: &Store,
    ctx: &Ctx,
    what: &str,
    format: &str,
    from: Option<String>,
    to: Option<String>,
    out: &Path,
) -> studio_core::Result<()> {
    let period = Period { from, to };
    let made_on = ctx.today.format("%Y-%m-%d").to_string();
    let (bytes, lines, from, to) = if what == "summary" {
        let s = reports::summary(store, ctx, &period)?;
        let bytes = match format {
            "json" => export::summary_json(&s)?,
            "csv" => export::summary_csv(&s),
            "xlsx" => export::summary_xlsx(&s)?,
            "pdf" => printing::summary_pdf(store, &s, &made_on)?.pdf,
            other => return Err(Error::Invalid(format!("不支持的格式：{other}"))),
        };
        (bytes, format!("{} 名党代表", s.rows.len()), s.from, s.to)
    } else {
        let u = reports::units(store, ctx, &period)?;
        let bytes = match format {
            "json" => export::units_json(&u)?,
            "csv" => export::units_csv(&u),
            "xlsx" => export::units_xlsx(&u)?,
            "pdf" => printing::units_pdf(store, &u, &made_on)?.pdf,
            other => return Err(Error::Invalid(format!("不支持的格式：{other}"))),
        };
        (bytes, format!("{} 个承办单位", u.rows.len()), u.from, u.to)
    };
    write_atomic(out, &bytes)?;
    let title = if what == "summary" {
        "统计汇总"
    } else {
        "承办单位"
    };
    println!(
        "已导出{title}（{from} 至 {to}，{lines}）到 {}",
        out.display()
    );
    Ok(())
}
