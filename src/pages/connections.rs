//! `/connections`: the page an administrator lives in. Who is signed in decides between the
//! sign-in choice and the table; the table's view (filter, search, sort, page) lives in the URL.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::api::{self, ApiError, ConnectionRequest, User};
use crate::components::app_header::AppHeader;
use crate::components::empty_state::EmptyState;
use crate::components::error_message::ErrorMessage;
use crate::components::pager::Pager;
use crate::components::request_details::RequestDetails;
use crate::components::request_table::{RequestTable, RequestTableSkeleton};
use crate::components::search_box::SearchBox;
use crate::components::sign_in::SignIn;
use crate::components::status_tabs::StatusTabs;
use crate::table_query::{SortField, TableQuery};

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    // Bumped after signing in or out, so that the user (and with it the page) is loaded again.
    let (session_changes, set_session_changes) = signal(0u32);
    let user = LocalResource::new(move || {
        session_changes.track();
        api::current_user()
    });
    let session_changed = Callback::new(move |()| set_session_changes.update(|changes| *changes += 1));

    view! {
        <Transition fallback=|| view! { <p class="page" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <SignedInView user on_session_changed=session_changed /> }.into_any(),
                    Err(ApiError::NotAuthenticated) => view! { <SignIn on_signed_in=session_changed /> }.into_any(),
                    Err(error) => view! { <main class="page"><ErrorMessage error /></main> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What the routes inside the table page (the Edit Credentials dialog) share with it.
#[derive(Clone, Copy)]
pub struct TablePage {
    pub user: StoredValue<User>,
    refresh: Callback<()>,
    toast: RwSignal<Option<String>>,
    /// The request whose Edit Credentials control gets focus once the table shows it again.
    focus_after_render: RwSignal<Option<String>>,
}

impl TablePage {
    /// Puts focus back on the Edit Credentials control of request `id`: at once, or, when the
    /// table is reloading, once it shows the new rows.
    pub fn return_focus(&self, id: String, after_reload: bool) {
        self.focus_after_render.set(Some(id));
        if !after_reload {
            let pending = self.focus_after_render;
            request_animation_frame(move || focus_pending_edit_button(pending));
        }
    }

    /// After a save: the rows show it without a page reload, and a toast says so.
    pub fn credentials_saved(&self, _updated: &ConnectionRequest) {
        self.refresh.run(());
        self.toast.set(Some("You've updated the API Portal access credentials successfully.".to_owned()));
        let toast = self.toast;
        set_timeout(move || toast.set(None), Duration::from_secs(8));
    }
}

#[component]
fn SignedInView(user: User, #[prop(into)] on_session_changed: Callback<()>) -> impl IntoView {
    let location = use_location();
    let view = Memo::new(move |_| TableQuery::from_query_string(&location.search.get()));
    let navigate = use_navigate();
    let go = Callback::new(move |next: TableQuery| {
        let query = next.to_query_string();
        let url = if query.is_empty() { "/connections".to_owned() } else { format!("/connections?{query}") };
        navigate(&url, NavigateOptions::default());
    });

    // Fresh data when the window regains focus, and on "Retry".
    let (refreshes, set_refreshes) = signal(0u32);
    let refresh = move || set_refreshes.update(|count| *count += 1);
    let focus_listener = window_event_listener(leptos::ev::focus, move |_| refresh());
    on_cleanup(move || focus_listener.remove());

    let page = LocalResource::new(move || {
        refreshes.track();
        let view = view.get();
        async move { api::connection_requests(&view).await }
    });
    let counts = LocalResource::new(move || {
        refreshes.track();
        let search = view.with(|view| view.search.clone());
        async move { api::status_counts(&search).await.ok() }
    });
    let dev_login = LocalResource::new(api::sign_in_users);
    let dev_login = Signal::derive(move || dev_login.get().is_some_and(|users| users.is_ok()));
    let selected = RwSignal::new(None::<ConnectionRequest>);
    let on_view = Callback::new(move |request: ConnectionRequest| selected.set(Some(request)));
    let on_sort = Callback::new(move |field: SortField| go.run(view.get_untracked().sorted_by(field)));
    let on_search = Callback::new(move |search: String| go.run(view.get_untracked().with_search(&search)));
    let toast = RwSignal::new(None::<String>);
    let focus_after_render = RwSignal::new(None::<String>);
    provide_context(TablePage { user: StoredValue::new(user.clone()), refresh: Callback::new(move |()| refresh()), toast, focus_after_render });

    view! {
        <AppHeader user=user.clone() dev_login on_signed_out=on_session_changed />
        <main class="page">
            <h1>"Connection requests"</h1>
            <div class="toolbar">
                <SearchBox search=Signal::derive(move || view.with(|view| view.search.clone())) on_search />
                <Transition fallback=move || view! { <StatusTabs view=view.get() counts=None /> }>
                    {move || Suspend::new(async move {
                        let counts = counts.await;
                        view! { <StatusTabs view=view.get() counts /> }
                    })}
                </Transition>
            </div>
            <Transition fallback=move || view! { <RequestTableSkeleton rows=view.with(|view| view.page_size) /> }>
                {move || {
                    let user = user.clone();
                    Suspend::new(async move {
                        let current = view.get();
                        match page.await {
                            Ok(result) if result.count == 0 => view! { <EmptyState view=current on_clear=go /> }.into_any(),
                            Ok(result) => {
                                let now = (js_sys::Date::now() / 1000.0) as i64;
                                let count = result.count;
                                if focus_after_render.get_untracked().is_some() {
                                    request_animation_frame(move || focus_pending_edit_button(focus_after_render));
                                }
                                view! {
                                    <RequestTable requests=result.results view=current.clone() user now on_sort on_view />
                                    <Pager view=current count on_change=go />
                                }
                                .into_any()
                            }
                            Err(ApiError::NotAuthenticated) => {
                                on_session_changed.run(());
                                ().into_any()
                            }
                            Err(error) => view! {
                                <div class="message message-error" role="alert">
                                    <p>{format!("The connection requests could not be loaded. {error}")}</p>
                                    <button type="button" class="button" on:click=move |_| refresh()>"Retry"</button>
                                </div>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Transition>
            <RequestDetails selected />
            <Outlet />
            <div class="toast" role="status" aria-live="polite">
                {move || toast.get().map(|message| view! { <p class="message tone-positive">{message}</p> })}
            </div>
        </main>
    }
}

/// Focuses the Edit Credentials control of the pending request, if the table shows it.
fn focus_pending_edit_button(pending: RwSignal<Option<String>>) {
    use wasm_bindgen::JsCast;
    let Some(id) = pending.get_untracked() else { return };
    let selector = format!("[href^=\"/connections/{id}/credentials\"]");
    let element = document().query_selector(&selector).ok().flatten().and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        if element.focus().is_ok() {
            pending.set(None);
        }
    }
}
