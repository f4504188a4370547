//! `studio user …`: accounts (管理员). Passwords come from one line of stdin (`--password-stdin`),
//! never from the command line, where other users of the PC could read them.

use std::io::{BufRead, IsTerminal, Write};

use chrono::{DateTime, Utc};
use serde_json::json;
use studio_core::accounts::{self, AccountRow, NewAccount};
use studio_core::{Ctx, Error, Permission, Role, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 新增账号（密码从标准输入读取一行）
    Add {
        /// 登录名
        login: String,
        /// 角色：admin（管理员）、liaison（联络员）、head（代表团团长）、delegate（党代表）、auditor（审计员）
        #[arg(long)]
        role: String,
        /// 显示名称（默认为登录名）
        #[arg(long)]
        name: Option<String>,
        /// 关联的党代表编号（代表团团长、党代表账号必填）
        #[arg(long = "delegate", value_name = "ID")]
        delegate_id: Option<String>,
        /// 从标准输入读取密码（一行）
        #[arg(long)]
        password_stdin: bool,
    },
    /// 列出账号
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 锁定账号（锁定后不能登录）
    Lock {
        /// 登录名
        login: String,
    },
    /// 解锁账号（同时解除密码错误造成的锁定）
    Unlock {
        /// 登录名
        login: String,
    },
    /// 重置密码（新密码从标准输入读取一行；下次登录须修改）
    Reset {
        /// 登录名
        login: String,
        /// 从标准输入读取新密码（一行）
        #[arg(long)]
        password_stdin: bool,
    },
    /// 修改本人密码（须 --as；当前密码取自 STUDIO_PASSWORD，新密码从标准输入读取一行）
    Passwd {
        /// 从标准输入读取新密码（一行）
        #[arg(long)]
        password_stdin: bool,
    },
}

impl Command {
    /// The one command an account whose password was reset may run.
    pub fn is_passwd(&self) -> bool {
        matches!(self, Command::Passwd { .. })
    }
}

/// The English role codes an account may have, with their Chinese names.
fn role_choices() -> String {
    Role::ACCOUNT_ROLES
        .iter()
        .map(|r| format!("{}（{}）", r.code(), r.label()))
        .collect::<Vec<_>>()
        .join("、")
}

fn parse_role(code: &str) -> studio_core::Result<Role> {
    Role::from_code(code.trim())
        .filter(|r| Role::ACCOUNT_ROLES.contains(r))
        .ok_or_else(|| Error::Invalid(format!("未知角色“{code}”，可选：{}", role_choices())))
}

/// One line of stdin, without its line ending.
fn read_password(flag_given: bool) -> studio_core::Result<String> {
    if !flag_given {
        return Err(Error::Invalid(
            "请加 --password-stdin，并从标准输入提供密码（一行）".into(),
        ));
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("密码：");
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    if stdin.lock().read_line(&mut line)? == 0 {
        return Err(Error::Invalid("标准输入中没有密码".into()));
    }
    let end = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(end);
    Ok(line)
}

/// Locked by an administrator, or locked out after failed tries until a time still to come.
fn is_locked(a: &AccountRow, now: DateTime<Utc>) -> bool {
    a.disabled
        || a.locked_until.as_deref().is_some_and(|t| {
            DateTime::parse_from_rfc3339(t).is_ok_and(|t| t.with_timezone(&Utc) > now)
        })
}

fn status(a: &AccountRow, now: DateTime<Utc>) -> &'static str {
    if a.disabled {
        "已锁定"
    } else if is_locked(a, now) {
        "密码错误次数过多，暂时锁定"
    } else if a.must_change {
        "须修改密码"
    } else {
        "正常"
    }
}

fn to_json(a: &AccountRow, now: DateTime<Utc>) -> serde_json::Value {
    json!({
        "login": a.login,
        "name": a.name,
        "role": a.role.code(),
        "locked": is_locked(a, now),
        "delegate_id": a.delegate_id,
    })
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Add {
            login,
            role,
            name,
            delegate_id,
            password_stdin,
        } => {
            // Refuse, and check the arguments, before asking for a password.
            ctx.require(Permission::ManageAccounts)?;
            let role = parse_role(&role)?;
            let password = read_password(password_stdin)?;
            let input = NewAccount {
                name: name
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| login.clone()),
                login,
                role: Some(role),
                delegate_id,
                password,
            };
            let a = accounts::add(store, ctx, &input)?;
            println!("已新增账号 {}（{}，{}）", a.login, a.name, a.role.label());
        }
        Command::List { json } => {
            let all = accounts::list(store, ctx)?;
            let now = Utc::now();
            if json {
                let arr: Vec<_> = all.iter().map(|a| to_json(a, now)).collect();
                println!("{}", serde_json::to_string_pretty(&arr).unwrap_or_default());
            } else if all.is_empty() {
                println!("还没有账号。可运行 `studio user add` 新增。");
            } else {
                println!("登录名\t显示名称\t角色\t状态\t关联党代表");
                for a in &all {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        a.login,
                        a.name,
                        a.role.label(),
                        status(a, now),
                        a.delegate_name.as_deref().unwrap_or("")
                    );
                }
                println!("共 {} 个账号", all.len());
            }
        }
        Command::Lock { login } => {
            let a = accounts::find(store, ctx, &login)?;
            let a = accounts::set_locked(store, ctx, &a.id, true)?;
            println!("已锁定账号 {}", a.login);
        }
        Command::Unlock { login } => {
            let a = accounts::find(store, ctx, &login)?;
            let a = accounts::set_locked(store, ctx, &a.id, false)?;
            println!("已解锁账号 {}", a.login);
        }
        Command::Reset {
            login,
            password_stdin,
        } => {
            let a = accounts::find(store, ctx, &login)?;
            let password = read_password(password_stdin)?;
            let a = accounts::reset_password(store, ctx, &a.id, &password)?;
            println!("已重置账号 {} 的密码；下次登录须修改密码", a.login);
        }
        Command::Passwd { password_stdin } => {
            if accounts::account_id_of(&ctx.actor).is_none() {
                return Err(Error::Invalid(format!(
                    "请用 --as LOGIN 指定要修改密码的账号，当前密码放在环境变量 {}",
                    crate::identity::PASSWORD_ENV
                )));
            }
            let new_password = read_password(password_stdin)?;
            let current = std::env::var(crate::identity::PASSWORD_ENV).unwrap_or_default();
            let a = accounts::change_own_password(store, ctx, &current, &new_password)?;
            println!("已修改账号 {} 的密码", a.login);
        }
    }
    Ok(())
}
