use leptos::prelude::*;

use crate::api::MonthBar;
use crate::ui::locale::use_texts;

/// Steps done per month as bars, drawn on the server as SVG: it shows
/// without JavaScript, and a table says the same to screen readers.
#[component]
pub fn StepsChart(bars: Vec<MonthBar>) -> impl IntoView {
    let t = use_texts();
    const BAR: i64 = 44;
    const GAP: i64 = 12;
    const HEIGHT: i64 = 120;
    let top = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let width = bars.len() as i64 * (BAR + GAP);
    let month = |b: &MonthBar| t.month_short[(b.month - 1) as usize];
    let label = |b: &MonthBar| format!("{} {}", month(b), b.year);
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {width} {}", HEIGHT + 40)
                role="img"
                aria-labelledby="chart-title"
                preserveAspectRatio="xMidYMid meet"
            >
                <title id="chart-title">{t.chart_title}</title>
                {bars
                    .iter()
                    .enumerate()
                    .map(|(i, b)| {
                        let x = i as i64 * (BAR + GAP) + GAP / 2;
                        let h = b.count * HEIGHT / top;
                        let y = HEIGHT - h + 16;
                        view! {
                            <g>
                                <rect x=x y=y width=BAR height=h.max(2) rx="4" class="bar"></rect>
                                <text x=x + BAR / 2 y=y - 4 text-anchor="middle" class="count">{b.count}</text>
                                <text x=x + BAR / 2 y=HEIGHT + 34 text-anchor="middle" class="month">{month(b)}</text>
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
            <div class="visually-hidden">
            <table>
                <caption>{t.chart_title}</caption>
                <tbody>
                    {bars
                        .iter()
                        .map(|b| view! { <tr><th scope="row">{label(b)}</th><td>{b.count}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        </figure>
    }
}
