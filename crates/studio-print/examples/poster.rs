//! Writes a sample reception schedule poster, for looking at the layout:
//!
//! ```sh
//! cargo run -p studio-print --example poster -- /tmp/poster.pdf
//! pdftoppm -png -r 60 /tmp/poster.pdf /tmp/poster
//! ```
//! With a second argument, a poster of that many rows instead of the sample month.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "poster.pdf".into());
    let poster = match std::env::args().nth(2) {
        Some(rows) => common::long_poster(rows.parse()?),
        None => common::sample_poster(),
    };
    let rendered = studio_print::render_poster(&poster)?;
    let (layout, _) = studio_print::CardPrinter::shared()?.layout_poster(&poster)?;
    std::fs::write(&path, &rendered.pdf)?;
    println!(
        "wrote {path}: {} row(s), {} page(s) of {:?} rows, text {} pt, {} KB",
        poster.rows.len(),
        rendered.page_count,
        layout.rows_per_page,
        layout.body_size,
        rendered.pdf.len() / 1024
    );
    Ok(())
}
