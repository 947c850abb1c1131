//! The app's frame: router and routes.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, NavigateOptions};

use crate::pages::connections::ConnectionsPage;
use crate::pages::edit_credentials::EditCredentialsRoute;
use crate::pages::not_found::NotFoundPage;
use crate::table_query::TableQuery;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=crate::startup::base_path()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=ToTable />
                <ParentRoute path=path!("/connections") view=ConnectionsPage>
                    <Route path=path!("") view=|| () />
                    <Route path=path!(":id/credentials") view=EditCredentialsRoute />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The app's root address leads to the table, keeping the view and the launchpad's parameters.
/// In place: a new history entry would take Back to the root, and the root straight on to the
/// table again. (Redirecting before the router starts, with no route change, made the start
/// quicker but the first Edit Credentials as much slower: this route change is where the
/// router's code for changing routes first runs.)
#[component]
fn ToTable() -> impl IntoView {
    let path = TableQuery::from_query_string(&use_location().search.get_untracked()).href();
    view! { <Redirect path options=NavigateOptions { replace: true, ..NavigateOptions::default() } /> }
}
