use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. " <A href="/connections">"Go to the connection requests"</A></p>
        </main>
    }
}
