//! 设置 → 关于: what this copy of the program is and what it ships with — the version, the open
//! database and its schema version, the official calendar's years, the print font's licence and the
//! licences of the main components. `tests/about.rs` checks the licence names against the packages
//! themselves (Cargo.lock + the crates' manifests, `ui/node_modules`).

use serde::Serialize;
use ts_rs::TS;

use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::storage::Store;

/// One component of the program and its licence, as shown in 关于.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Component {
    pub name: String,
    /// 用途, in Chinese.
    pub purpose: String,
    /// The SPDX licence expression (`MIT`, `Apache-2.0 OR MIT`, `OFL-1.1`…), or `Public Domain`.
    pub licence: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct About {
    pub version: String,
    pub db_path: String,
    /// The open database's schema version (SQLite `user_version`).
    pub schema_version: u32,
    /// The official working-day calendar shipped with the program: first and last year, source.
    pub calendar_first_year: i32,
    pub calendar_last_year: i32,
    pub calendar_source: String,
    /// The font printed documents embed (shipped with the program).
    pub font: Component,
    pub components: Vec<Component>,
}

/// Where a component's licence can be checked: a Rust crate (Cargo.lock), an npm package
/// (`ui/package.json`), or neither (a system library, data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Package {
    Crate(&'static str),
    Npm(&'static str),
    None,
}

/// (name, 用途, licence, package).
pub type ComponentSpec = (&'static str, &'static str, &'static str, Package);

/// The print font: Noto Serif SC, vendored in `crates/studio-print/fonts/` with its `OFL.txt`.
pub const FONT: ComponentSpec = (
    "Noto Serif SC（思源宋体）",
    "打印字体，嵌入记录卡、海报、汇总表等 PDF",
    "OFL-1.1",
    Package::None,
);

/// The main components, in the order 关于 lists them.
pub const COMPONENTS: &[ComponentSpec] = &[
    (
        "Tauri",
        "桌面程序框架",
        "Apache-2.0 OR MIT",
        Package::Crate("tauri"),
    ),
    ("Vue", "界面框架", "MIT", Package::Npm("vue")),
    (
        "Element Plus",
        "界面组件",
        "MIT",
        Package::Npm("element-plus"),
    ),
    ("Vue Router", "界面路由", "MIT", Package::Npm("vue-router")),
    ("Pinia", "界面状态", "MIT", Package::Npm("pinia")),
    (
        "PDF.js",
        "打印预览",
        "Apache-2.0",
        Package::Npm("pdfjs-dist"),
    ),
    (
        "SQLite",
        "数据库引擎（编入程序）",
        "Public Domain",
        Package::None,
    ),
    (
        "rusqlite",
        "SQLite 的 Rust 接口",
        "MIT",
        Package::Crate("rusqlite"),
    ),
    ("printpdf", "生成 PDF", "MIT", Package::Crate("printpdf")),
    ("lopdf", "PDF 读写", "MIT", Package::Crate("lopdf")),
    (
        "ttf-parser",
        "读取字体",
        "MIT OR Apache-2.0",
        Package::Crate("ttf-parser"),
    ),
    (
        "calamine",
        "读取 Excel（导入）",
        "MIT",
        Package::Crate("calamine"),
    ),
    (
        "rust_xlsxwriter",
        "写入 Excel（导出）",
        "MIT OR Apache-2.0",
        Package::Crate("rust_xlsxwriter"),
    ),
    (
        "argon2",
        "密码散列",
        "MIT OR Apache-2.0",
        Package::Crate("argon2"),
    ),
    ("chinese-days", "法定节假日与调休数据", "MIT", Package::None),
];

fn component((name, purpose, licence, _): ComponentSpec) -> Component {
    Component {
        name: name.into(),
        purpose: purpose.into(),
        licence: licence.into(),
    }
}

/// 设置 → 关于. Shown on the settings page, so it needs what the page needs.
pub fn about(store: &Store, ctx: &Ctx) -> Result<About> {
    ctx.require(Permission::EditSettings)?;
    let schema_version = crate::storage::user_version(&*store.reader()?)?;
    let years = crate::calendar::official_years();
    Ok(About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into()),
        schema_version,
        calendar_first_year: *years.start(),
        calendar_last_year: *years.end(),
        calendar_source: crate::calendar::official_source().to_string(),
        font: component(FONT),
        components: COMPONENTS.iter().copied().map(component).collect(),
    })
}
