from datetime import date
from decimal import Decimal

from pac_gen.site.render import day, environment, markdown_html, money, number, percent, render

NNBSP, NBSP = "\u202f", "\xa0"


def test_money_in_french_and_english():
    assert money(Decimal(15000), "EUR", "fr") == f"15{NNBSP}000{NBSP}€"
    assert money(Decimal("12.5"), "EUR", "fr") == f"12,50{NBSP}€"
    assert money(Decimal(15000), "EUR", "en") == "€15,000"
    assert money(Decimal("1070.25"), "CHF", "en") == "CHF1,070.25"
    assert money(None) == ""


def test_numbers_percentages_and_dates():
    assert number(1390.0, "fr") == f"1{NNBSP}390"
    assert number(12.5, "fr") == "12,5"
    assert number(12.5, "en") == "12.5"
    assert percent(0.5277, "fr") == f"53{NBSP}%"
    assert percent(0.5277, "en") == "53%"
    assert day(date(2023, 6, 10), "fr") == "10 juin 2023"
    assert day(date(2023, 6, 10), "fr", "short") == "10/06/2023"
    assert day(date(2023, 6, 10), "en") == "June 10, 2023"
    assert day(None) == ""


def test_markdown_is_rendered_then_sanitised():
    html = markdown_html(
        "## Titre\n\n**gras** [site](https://example.org) [mail](mailto:a@b.fr) [js](javascript:alert(1))\n\n"
        "<script>alert(2)</script><img src=x onerror=alert(3)><b onclick=alert(4)>b</b>\n"
    )
    assert "<h4>Titre</h4>" in html  # moved two levels down, under the page's sections
    assert "<strong>gras</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in html
    assert '<a href="mailto:a@b.fr" rel="noopener noreferrer nofollow">mail</a>' in html
    assert '<a>js</a>' in html
    assert "<script" not in html and "alert(2)" not in html
    assert "<img" not in html and "onerror" not in html and "onclick" not in html
    assert markdown_html(None) == "" and markdown_html("") == ""


def test_environment_escapes_learner_text_and_never_evaluates_it():
    env = environment()
    assert env.autoescape is True
    out = env.from_string("{{ x }}").render(x="<b>{{ 7*7 }}</b>{% print(1) %}")
    assert out == "&lt;b&gt;{{ 7*7 }}&lt;/b&gt;{% print(1) %}"


def test_package_templates_render_with_autoescape():
    html = render("pac_gen_errors.html", L={"errors": "Erreurs", "errors_help": "Aide"}, problems=[],
                  path="<plans/x.yaml>")
    assert "<code>&lt;plans/x.yaml&gt;</code>" in html


def test_a_link_whose_unsafe_address_was_removed_keeps_no_rel() -> None:
    from pac_gen.site.render import markdown_html

    html = str(markdown_html('[x](javascript:alert(1)) [y](https://e.org "t") [z](data:text/html,a "tt")'))
    assert html == ('<p><a>x</a> <a href="https://e.org" title="t" rel="noopener noreferrer nofollow">y</a> '
                    '<a title="tt">z</a></p>')
