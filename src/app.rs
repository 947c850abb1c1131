//! The app's frame: router and routes.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::pages::connections::ConnectionsPage;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=|| view! { <Redirect path="/connections" /> } />
                <Route path=path!("/connections") view=ConnectionsPage />
                // Edit Credentials opens here; the dialog itself is the next step (issue 6).
                <Route path=path!("/connections/:id/credentials") view=ConnectionsPage />
            </Routes>
        </Router>
    }
}
