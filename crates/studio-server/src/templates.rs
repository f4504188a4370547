//! The page templates (minijinja), compiled into the binary. Autoescape is on for every `.html`
//! template: every value a page shows is HTML-escaped unless a template says `|safe`, which only
//! the core's own sanitised Markdown HTML (news, wall documents) may use.

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

/// `(name, source)` of every template.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("home.html", include_str!("../templates/home.html")),
    (
        "plan_table.html",
        include_str!("../templates/plan_table.html"),
    ),
    ("intro.html", include_str!("../templates/intro.html")),
    ("rules.html", include_str!("../templates/rules.html")),
    ("news.html", include_str!("../templates/news.html")),
    ("post.html", include_str!("../templates/post.html")),
    ("schedule.html", include_str!("../templates/schedule.html")),
    (
        "delegates.html",
        include_str!("../templates/delegates.html"),
    ),
    ("message.html", include_str!("../templates/message.html")),
    (
        "appointment.html",
        include_str!("../templates/appointment.html"),
    ),
    ("progress.html", include_str!("../templates/progress.html")),
    ("receipt.html", include_str!("../templates/receipt.html")),
    ("answers.html", include_str!("../templates/answers.html")),
    (
        "staff/layout.html",
        include_str!("../templates/staff/layout.html"),
    ),
    (
        "staff/login.html",
        include_str!("../templates/staff/login.html"),
    ),
    (
        "staff/messages.html",
        include_str!("../templates/staff/messages.html"),
    ),
    (
        "staff/message.html",
        include_str!("../templates/staff/message.html"),
    ),
    (
        "staff/publish_list.html",
        include_str!("../templates/staff/publish_list.html"),
    ),
    (
        "staff/publish_form.html",
        include_str!("../templates/staff/publish_form.html"),
    ),
];

pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e:#}"));
    }
    env
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_escaped() {
        let env = super::environment();
        let t = env
            .template_from_named_str("t.html", "<p>{{ v }}</p>")
            .unwrap();
        let out = t
            .render(minijinja::context! { v => "<script>alert(1)</script>" })
            .unwrap();
        assert_eq!(out, "<p>&lt;script&gt;alert(1)&lt;&#x2f;script&gt;</p>");
    }
}
