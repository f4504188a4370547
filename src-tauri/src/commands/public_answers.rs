//! 代表回复公开: staff's list of the messages whose writer agreed to publication, the form (the
//! writer's text and the answer beside the public texts), save / publish and withdraw. Only the
//! core decides who may (`EditStudio`) and what may be published.

use studio_core::public_answers::{
    self, Publication, PublicationForm, PublicationInput, PublicationQuery, PublicationRow,
};
use studio_core::Page;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn public_answers_list(
    state: State<'_, AppState>,
    query: PublicationQuery,
) -> CmdResult<Page<PublicationRow>> {
    state
        .run(move |s, ctx| public_answers::publication_list(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn public_answer_form(
    state: State<'_, AppState>,
    item_id: String,
) -> CmdResult<PublicationForm> {
    state
        .run(move |s, ctx| public_answers::publication_form(s, ctx, &item_id))
        .await
}

/// `publish`: also show it on 代表回复; otherwise only save the texts.
#[tauri::command]
pub async fn public_answer_save(
    state: State<'_, AppState>,
    item_id: String,
    version: i64,
    input: PublicationInput,
    publish: bool,
) -> CmdResult<Publication> {
    state
        .run(move |s, ctx| {
            public_answers::save_publication(s, ctx, &item_id, version, &input, publish)
        })
        .await
}

#[tauri::command]
pub async fn public_answer_withdraw(
    state: State<'_, AppState>,
    item_id: String,
    version: i64,
) -> CmdResult<Publication> {
    state
        .run(move |s, ctx| public_answers::withdraw_publication(s, ctx, &item_id, version))
        .await
}
