use studio_print::*;
#[path = "../tests/common/mod.rs"]
mod common;
fn main() {
    let p = CardPrinter::new().unwrap();
    let which = std::env::args().nth(1).unwrap_or_default();
    let card = if which == "blank" { [Card::Blank] } else { [Card::filled(common::sample_card())] };
    let n = 200;
    let t = std::time::Instant::now();
    let mut len = 0;
    for _ in 0..n { len = std::hint::black_box(p.render(&card).unwrap()).pdf.len(); }
    eprintln!("{which}: {:?}/card, {} bytes", t.elapsed() / n, len);
    if which == "batch" {
        let cards = common::batch(1000);
        let t = std::time::Instant::now();
        let r = p.render(&cards).unwrap();
        eprintln!("batch: {:?}, {} bytes", t.elapsed(), r.pdf.len());
    }
}
