"""The one catalogue of every text pac_gen shows, in French (the default) and English.

Every entry is ``key -> {"fr": …, "en": …}`` with ``str.format`` placeholders;
:func:`text` looks one up. Problems are keyed by code (``E106``, ``W701``;
``CODE.fix`` says how to fix a warning), the other texts by where they are shown
(``site.…``, ``calendar.…``, ``review.…``, ``new.…``, ``export.…``,
``reference.…``, ``cli.…``, ``settings.…``, ``plugin.…``, ``word.…`` for the
format's words). Punctuation that differs between the languages goes through
:func:`colon` and :func:`quote` (« Tâches : 8 », "Tasks: 8"), never through an
``if lang == "fr"``. ``tests/test_messages.py`` checks that every key has both
languages with the same placeholders. Keep French first: it is what learners read.

French texts say « tu », the course's register (``tests/test_words.py`` checks it).
A count is never hedged as « plan(s) »: :func:`plural` picks ``key`` or ``key.n``
by the language's rule. Numbers, amounts, dates and units are written here, once,
for the pages and the messages alike (:func:`number`, :func:`money`, :func:`day`,
:func:`with_unit`); a message given a ``date`` or an :class:`Amount` says it that way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from pac_gen.check.problems import one_line

LANGUAGES = ("fr", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # Reading the file
    "E001": {"fr": "Erreur de syntaxe YAML : {detail}", "en": "YAML syntax error: {detail}"},
    "E002": {"fr": "Le fichier n'est pas du texte UTF-8 lisible à partir d'ici (fichier binaire ou mauvais encodage). Enregistre-le en UTF-8.",
             "en": "The file stops being readable UTF-8 text here (binary file or wrong encoding). Save it as UTF-8."},
    "E003": {"fr": "Le fichier fait {size} octets, plus que la limite de {limit} octets : un plan n'a jamais besoin d'être aussi long. Découpe-le en plusieurs plans.",
             "en": "The file is {size} bytes long, over the limit of {limit} bytes: a plan never needs to be that long. Split it into several plans."},
    "E004": {"fr": "Les étiquettes YAML ({tag}) ne sont pas acceptées : écris la valeur sans « ! ».",
             "en": "YAML tags ({tag}) are not accepted: write the value without “!”."},
    "E005": {"fr": "Les ancres et alias YAML (&nom, *nom) ne sont pas acceptés : recopie la valeur à chaque endroit.",
             "en": "YAML anchors and aliases (&name, *name) are not accepted: write the value out at each place."},
    "E006": {"fr": "La clé « {key} » est donnée deux fois : gardes-en une seule.",
             "en": "The key “{key}” is given twice: keep only one."},
    "E007": {"fr": "Le document est imbriqué sur plus de {limit} niveaux : vérifie l'indentation.",
             "en": "The document is nested more than {limit} levels deep: check the indentation."},
    "E008": {"fr": "Le plan doit être un ensemble de clés (objectif:, actions:…) ; ce fichier est vide ou n'en contient pas.",
             "en": "A plan must be a set of keys (objective:, actions:…); this file is empty or has none."},
    "E009": {"fr": "Impossible de lire le fichier : {detail}", "en": "Cannot read the file: {detail}"},
    "E013": {"fr": "Ce texte contient un caractère de contrôle invisible ({char}), écrit avec un échappement « \\ » entre guillemets : retire-le.",
             "en": "This text holds an invisible control character ({char}), written as a “\\” escape in quotes: remove it."},
    "E012": {"fr": "Ce plan serait publié en « {output} », déjà pris par {owner} : renomme l'un des deux fichiers.",
             "en": "This plan would be published as “{output}”, already taken by {owner}: rename one of the two files."},
    "E011": {"fr": "Ce lien symbolique pointe hors du dossier des plans ({target}) : il est refusé. Copie le plan dans le dossier au lieu de le lier.",
             "en": "This symbolic link points outside the plans folder ({target}): it is refused. Copy the plan into the folder instead of linking it."},
    "E014": {"fr": "Ce chemin ne peut pas être celui d'un plan : {reason} Renomme ou déplace-le.",
             "en": "This path cannot be a plan's: {reason} Rename or move it."},
    "path.encoding": {"fr": "son nom n'est pas écrit en UTF-8.", "en": "its name is not written in UTF-8."},
    "path.control": {"fr": "son nom contient un caractère de contrôle ({char} : retour à la ligne, tabulation…).",
                     "en": "its name holds a control character ({char}: line break, tab…)."},
    "path.character": {"fr": "son nom contient « {char} », interdit dans le chemin d'un plan "
                             "(< > : \" \\ | ? * ne passent pas sous Windows).",
                       "en": "its name holds “{char}”, which a plan's path may not hold "
                             "(< > : \" \\ | ? * do not work on Windows)."},
    "path.length": {"fr": "il fait {length} octets sous le dossier des plans, plus que la limite de {limit}.",
                    "en": "it is {length} bytes long below the plans folder, more than the limit of {limit}."},
    "path.too_long_for_system": {"fr": "il est trop long pour le système de fichiers.",
                                 "en": "it is too long for the file system."},
    "path.loop": {"fr": "c'est un lien symbolique qui tourne en boucle.", "en": "it is a symbolic link that loops."},
    "path.denied": {"fr": "la permission de le lire est refusée.", "en": "permission to read it is denied."},
    "path.unreadable": {"fr": "il ne peut pas être lu (erreur système {detail}).",
                        "en": "it cannot be read (system error {detail})."},
    "site.preview_focus": {"fr": "Aperçu : {n} plan sur {total}, celui que tu modifies (dans le dossier choisi, "
                                 "ou enregistré depuis le début de l'aperçu). Le site publié montre toute la promotion.",
                           "en": "Preview: {n} plan of {total}, the one you are editing (in the chosen folder, "
                                 "or saved since the preview started). The published site shows the whole cohort."},
    "site.preview_focus.n": {"fr": "Aperçu : {n} plans sur {total}, ceux que tu modifies (dans le dossier choisi, "
                                   "ou enregistrés depuis le début de l'aperçu). Le site publié montre toute la promotion.",
                             "en": "Preview: {n} plans of {total}, the ones you are editing (in the chosen folder, "
                                   "or saved since the preview started). The published site shows the whole cohort."},
    "plugin.plans_outside": {"fr": "{path} est un lien vers {target}, hors du dossier du site : refusé, pour ne "
                                   "jamais publier des fichiers d'ailleurs. Mets les plans dans le dépôt.",
                             "en": "{path} is a link to {target}, outside the site's folder: refused, so that files "
                                   "from elsewhere are never published. Keep the plans in the repository."},
    "E010": {"fr": "Une clé doit être un simple mot (texte), pas une liste ni un ensemble.",
             "en": "A key must be a plain word (text), not a list or a mapping."},
    # The model
    "E101": {"fr": "Clé inconnue « {key} » : voulais-tu dire « {suggestion} » ? Clés possibles ici : {allowed}.",
             "en": "Unknown key “{key}”: did you mean “{suggestion}”? Keys allowed here: {allowed}."},
    "E101b": {"fr": "Clé inconnue « {key} ». Clés possibles ici : {allowed}.",
              "en": "Unknown key “{key}”. Keys allowed here: {allowed}."},
    "E102": {"fr": "« {key} » et « {other} » sont la même clé ({canonical}) : gardes-en une seule.",
             "en": "“{key}” and “{other}” are the same key ({canonical}): keep only one."},
    "E103": {"fr": "Il manque la clé obligatoire « {key} » ({english}) ici.",
             "en": "The required key “{english}” ({key}) is missing here."},
    # E103 when the French and English keys are spelled the same (actions, action…)
    "E103.same": {"fr": "Il manque la clé obligatoire « {key} » ici.",
                  "en": "The required key “{key}” is missing here."},
    "E104": {"fr": "{expected}", "en": "{expected}"},
    # E104 when nothing is written after the colon
    "E104.empty": {"fr": "Cette valeur est vide. {expected}", "en": "This value is empty. {expected}"},
    "E105": {"fr": "Valeur « {value} » non reconnue. Valeurs possibles : {allowed}.",
             "en": "Value “{value}” is not recognised. Allowed values: {allowed}."},
    "E105.suggest": {"fr": "Valeur « {value} » non reconnue : voulais-tu dire « {suggestion} » ? Valeurs possibles : {allowed}.",
                     "en": "Value “{value}” is not recognised: did you mean “{suggestion}”? Allowed values: {allowed}."},
    "E106": {"fr": "Date « {value} » non reconnue : écris-la 2026-06-15 ou 15/06/2026.",
             "en": "Date “{value}” is not recognised: write it 2026-06-15 or 15/06/2026."},
    "E106b": {"fr": "La date « {value} » n'existe pas dans le calendrier.",
              "en": "The date “{value}” does not exist in the calendar."},
    "E107": {"fr": "Durée « {value} » non reconnue : écris par exemple 2h, 1h30, 30 min, ½ journée, 1 jour, 0.5 j ou 1 semaine.",
             "en": "Duration “{value}” is not recognised: write for example 2h, 1h30, 30 min, half day, 1 day, 0.5 d or 1 week."},
    "E108": {"fr": "Période « {value} » non reconnue : écris par exemple 3 mois, 8 semaines ou 10 jours.",
             "en": "Span “{value}” is not recognised: write for example 3 months, 8 weeks or 10 days."},
    "E109": {"fr": "Règle de récurrence « {value} » invalide : une seule ligne de parties NOM=VALEUR séparées par « ; », "
                   "avec FREQ (DAILY, WEEKLY, MONTHLY…), et INTERVAL ou COUNT à partir de 1. Exemple : FREQ=MONTHLY;BYDAY=1MO.",
             "en": "Recurrence rule “{value}” is invalid: one line of NAME=VALUE parts separated by “;”, "
                   "with FREQ (DAILY, WEEKLY, MONTHLY…), and INTERVAL or COUNT from 1. Example: FREQ=MONTHLY;BYDAY=1MO."},
    "E110": {"fr": "Montant « {value} » non reconnu : écris un nombre positif, par exemple 1500 ou 1500.50.",
             "en": "Amount “{value}” is not recognised: write a positive number, for example 1500 or 1500.50."},
    "E111": {"fr": "Heure « {value} » non reconnue : écris-la HH:MM, par exemple 14:00.",
             "en": "Time “{value}” is not recognised: write it HH:MM, for example 14:00."},
    "E112": {"fr": "Devise « {value} » inconnue : donne un code ISO 4217 comme EUR, CHF ou CAD.",
             "en": "Currency “{value}” is unknown: give an ISO 4217 code such as EUR, CHF or CAD."},
    "E113": {"fr": "Un id ne contient que des minuscules sans accent, des chiffres et des tirets : par exemple « {suggestion} ».",
             "en": "An id holds only lower-case letters, digits and hyphens: for example “{suggestion}”."},
    "E114": {"fr": "Nombre « {value} » non reconnu : écris par exemple 120 ou 12.5.",
             "en": "Number “{value}” is not recognised: write for example 120 or 12.5."},
    "E115": {"fr": "Valeur « {value} » non reconnue : écris oui ou non.",
             "en": "Value “{value}” is not recognised: write yes or no."},
    "E119": {"fr": "La date « {value} » est hors des années qu'un plan peut couvrir ({first} à {last}) : vérifie l'année.",
             "en": "The date “{value}” is outside the years a plan can cover ({first} to {last}): check the year."},
    "E120": {"fr": "Nombre trop grand : un plan s'en tient à 1 000 000 000 000 000 au plus (en valeur absolue).",
             "en": "Number too large: a plan keeps to 1,000,000,000,000,000 at most (in absolute value)."},
    "E121": {"fr": "Durée trop longue : au plus dix ans (3 653 jours).",
             "en": "Too long: ten years (3,653 days) at most."},
    "E122": {"fr": "Règle de récurrence « {value} » trop fine : un rituel revient au plus une fois par jour "
                   "(FREQ=DAILY, WEEKLY, MONTHLY ou YEARLY). Pour plusieurs heures dans la journée : FREQ=DAILY;BYHOUR=9,14.",
             "en": "Recurrence rule “{value}” is too fine: a ritual comes back at most once a day "
                   "(FREQ=DAILY, WEEKLY, MONTHLY or YEARLY). For several hours in a day: FREQ=DAILY;BYHOUR=9,14."},
    "E123": {"fr": "Niveau « {value} » hors de l'échelle : écris un nombre entier de 0 (aucune envie) à 10 (à fond).",
             "en": "Level “{value}” is off the scale: write a whole number from 0 (no drive at all) to 10 (fully driven)."},
    "E116": {"fr": "Valeur hors limites : {detail}.", "en": "Value out of range: {detail}."},
    "E117": {"fr": "Cette liste ne peut pas être vide : donne au moins un élément (ligne commençant par « - »).",
             "en": "This list cannot be empty: give at least one item (a line starting with “-”)."},
    "E118": {"fr": "Ce texte ne peut pas être vide.", "en": "This text cannot be empty."},
    # Cross-references and coherence that make the plan unusable
    "E201": {"fr": "L'id « {id} » est déjà utilisé ligne {line} : chaque id doit être unique dans le plan.",
             "en": "The id “{id}” is already used on line {line}: each id must be unique in the plan."},
    "E202": {"fr": "Aucune action n'a l'id « {id} ». Ids existants : {known}.",
             "en": "No action has the id “{id}”. Existing ids: {known}."},
    "E203": {"fr": "Ce bloc ({start}–{end}) chevauche le bloc {other_start}–{other_end} du même jour.",
             "en": "This block ({start}–{end}) overlaps the block {other_start}–{other_end} of the same day."},
    "E204": {"fr": "Une mesure est déjà donnée pour le {date} (ligne {line}) : une seule mesure par date.",
             "en": "A measurement is already given for {date} (line {line}): one measurement per date."},
    "E205": {"fr": "Un rituel a soit « frequence » soit « rrule » (un des deux, pas les deux).",
             "en": "A ritual has either “frequency” or “rrule” (one of them, not both)."},
    "E206": {"fr": "Un rituel a soit « fin » (dernier jour) soit « pendant » (durée), un des deux, pas les deux.",
             "en": "A ritual has either “end” (last day) or “for” (span), one of them, not both."},
    "E207": {"fr": "Ce bloc finit ({end}) avant de commencer ({start}).",
             "en": "This block ends ({end}) before it starts ({start})."},
    "E208": {"fr": "Le rituel finit ({end}) avant de commencer ({start}) : corrige « fin » ou « debut ».",
             "en": "The ritual ends ({end}) before it starts ({start}): fix “end” or “start”."},
    # E208 on an objective: its end is its deadline
    "E208.objective": {"fr": "L'objectif commence ({start}) après son échéance ({end}) : corrige l'une des deux dates.",
                       "en": "The objective starts ({start}) after its deadline ({end}): fix one of the two dates."},
    "E209": {"fr": "Trop de rituels : un plan en compte au plus {limit}. Regroupe ceux qui se ressemblent "
                   "(un seul point hebdomadaire plutôt que plusieurs) ou découpe le plan.",
             "en": "Too many rituals: a plan has {limit} at most. Group similar ones "
                   "(one weekly meeting rather than several) or split the plan."},
    "E210": {"fr": "Ce rituel porte le plan au-delà de {limit} occurrences en tout (les rituels d'avant en comptent "
                   "déjà {before}) : espace-le (hebdomadaire plutôt que quotidien) ou raccourcis sa période.",
             "en": "This ritual takes the plan past {limit} occurrences in all (the rituals before it already "
                   "have {before}): space it out (weekly rather than daily) or shorten its period."},
    "E211": {"fr": "La date {day} étendrait le calendrier du plan du {first} au {last}, plus de {limit} mois : "
                   "un plan tient en dix ans. Vérifie l'année de cette date.",
             "en": "The date {day} would stretch the plan's calendar from {first} to {last}, more than {limit} months: "
                   "a plan fits in ten years. Check the year of this date."},
    "E213": {"fr": "Cette périodicité porte le plan au-delà de {limit} relevés prévus en tout (les indicateurs d'avant en "
                   "comptent déjà {before}) : relève moins souvent (mensuelle plutôt qu'hebdomadaire).",
             "en": "This rhythm takes the plan past {limit} measurements due in all (the indicators before it already "
                   "have {before}): measure less often (monthly rather than weekly)."},
    "E214": {"fr": "Trop de revues : un journal de suivi en garde au plus {limit}. Commence un nouveau plan pour la suite.",
             "en": "Too many reviews: a follow-up log keeps {limit} at most. Start a new plan for what follows."},
    "E212": {"fr": "Aucun indicateur n'a l'id « {id} ». Ids existants : {known}.",
             "en": "No indicator has the id “{id}”. Existing ids: {known}."},
    # Types for E104: whole sentences, so that each reads well on its own
    "type.text": {"fr": "Un texte est attendu ici.", "en": "Text is expected here."},
    "type.list": {"fr": "Une liste est attendue ici : un élément par ligne, chaque ligne commençant par « - ».",
                  "en": "A list is expected here: one item per line, each line starting with “-”."},
    "type.mapping": {"fr": "Des clés sont attendues ici, une par ligne, sous la forme « clé: valeur ».",
                     "en": "Keys are expected here, one per line, written “key: value”."},
    "type.integer": {"fr": "Un nombre entier est attendu ici, par exemple 3.",
                     "en": "A whole number is expected here, for example 3."},
    "type.number": {"fr": "Un nombre est attendu ici, par exemple 120 ou 12.5.",
                    "en": "A number is expected here, for example 120 or 12.5."},
    "type.date": {"fr": "Une date est attendue ici : 2026-06-15 ou 15/06/2026.",
                  "en": "A date is expected here: 2026-06-15 or 15/06/2026."},
    "type.duration": {"fr": "Une durée est attendue ici, par exemple 2h, 1h30, ½ journée ou 1 jour.",
                      "en": "A duration is expected here, for example 2h, 1h30, half day or 1 day."},
    "type.span": {"fr": "Une période est attendue ici, par exemple 3 mois, 8 semaines ou 10 jours.",
                  "en": "A span is expected here, for example 3 months, 8 weeks or 10 days."},
    "type.money": {"fr": "Un montant est attendu ici, par exemple 1500.", "en": "An amount is expected here, for example 1500."},
    "type.time": {"fr": "Une heure est attendue ici, par exemple 14:00.", "en": "A time is expected here, for example 14:00."},
    "type.currency": {"fr": "Un code de devise est attendu ici, par exemple EUR.",
                      "en": "A currency code is expected here, for example EUR."},
    "type.slug": {"fr": "Un id est attendu ici, par exemple « boutique-en-ligne ».",
                  "en": "An id is expected here, for example “online-shop”."},
    "type.boolean": {"fr": "La réponse oui ou non est attendue ici.", "en": "A yes or no answer is expected here."},
    "type.choice": {"fr": "Une de ces valeurs est attendue ici : {allowed}.",
                    "en": "One of these values is expected here: {allowed}."},
    "type.value": {"fr": "Une seule valeur est attendue ici (un mot, un nombre, une date…), pas une liste ni des clés.",
                   "en": "A single value is expected here (a word, a number, a date…), not a list or keys."},
    # Syntax explanations
    "syntax.colon": {"fr": "deux-points inattendu. Si la valeur contient « : », mets-la entre guillemets ; sinon vérifie l'indentation.",
                     "en": "unexpected colon. If the value contains “:”, put it in quotes; otherwise check the indentation."},
    "syntax.missing_colon": {"fr": "il manque « : » après une clé.", "en": "a “:” is missing after a key."},
    "syntax.colon_space": {"fr": "il manque une espace après ce « : » (écris « {key}: {value} »).",
                           "en": "a space is missing after this “:” (write “{key}: {value}”)."},
    "syntax.unclosed": {"fr": "le fichier se termine alors qu'un élément n'est pas fermé.",
                        "en": "the file ends while something is still open."},
    "syntax.unclosed_quote": {"fr": "ce guillemet n'est jamais refermé.", "en": "this quote is never closed."},
    "syntax.indent": {"fr": "l'indentation est incohérente : aligne cette ligne sur les clés de même niveau.",
                      "en": "inconsistent indentation: align this line with the keys of the same level."},
    "syntax.dash": {"fr": "un élément de liste est mal aligné : les « - » d'une même liste doivent être dans la même colonne.",
                    "en": "a list item is misaligned: the “-” of one list must be in the same column."},
    "syntax.dash_context": {"fr": "un « - » de liste apparaît où une valeur était attendue : vérifie l'indentation.",
                            "en": "a list “-” appears where a value was expected: check the indentation."},
    "syntax.bad_char": {"fr": "caractère qui ne peut pas commencer une valeur (tabulation, @ ou ` ?) : indente avec des espaces, ou mets la valeur entre guillemets.",
                        "en": "character that cannot start a value (tab, @ or `?): indent with spaces, or quote the value."},
    "syntax.tab": {"fr": "tabulation dans l'indentation : indente avec des espaces.",
                   "en": "tab in the indentation: indent with spaces."},
    "syntax.flow_seq": {"fr": "liste entre crochets mal fermée : il manque « , » ou « ] ».",
                        "en": "bracketed list not closed: a “,” or “]” is missing."},
    "syntax.flow_map": {"fr": "ensemble entre accolades mal fermé : il manque « , » ou « }} ».",
                        "en": "braced mapping not closed: a “,” or “}}” is missing."},
    "syntax.flow_node": {"fr": "une liste entre crochets [ ] ou un ensemble entre accolades {{ }} est mal formé ou jamais fermé.",
                         "en": "a bracketed list [ ] or braced mapping {{ }} is malformed or never closed."},
    "syntax.alias": {"fr": "les ancres et alias YAML (&nom, *nom) ne sont pas acceptés.",
                     "en": "YAML anchors and aliases (&name, *name) are not accepted."},
    "syntax.documents": {"fr": "un fichier ne contient qu'un seul plan : retire la ligne « --- » et ce qui suit, ou fais-en un autre fichier.",
                          "en": "a file holds a single plan: remove the “---” line and what follows, or make it another file."},
    "syntax.anchor": {"fr": "cette ancre (&nom) est déjà définie plus haut ; de toute façon les ancres et alias ne sont pas acceptés.",
                      "en": "this anchor (&name) is already defined above; anchors and aliases are not accepted anyway."},
    "syntax.other": {"fr": "{detail}.", "en": "{detail}."},
}


class Amount(NamedTuple):
    """An amount of money and its currency, for a message to say it as the pages do (``1 500 €``)."""

    value: Decimal
    currency: str = "EUR"


def message(code: str, lang: str = "fr", **args: Any) -> str:
    """The message for ``code`` in ``lang`` (French when the language is unknown).

    Dates and :class:`Amount` arguments are written as the pages write them
    (``15 juin 2026``, ``150,50 €``), by :func:`day` and :func:`money`.
    """
    entry = MESSAGES[code]
    template = entry.get(lang) or entry["fr"]
    safe = {k: v if k in _WHOLE else _shorten(_say(v, lang)) for k, v in args.items()}
    text = template.format(**safe)
    if code[:1] in ("E", "W"):
        # One problem, one line: a learner value with line breaks must not be able to
        # fake further `file:line:col:` lines in the text output or the build log.
        text = one_line(text)
    return text


# Arguments written by pac_gen itself (lists of allowed keys or values): never cut.
_WHOLE = frozenset(("allowed", "known", "expected", "limit", "size", "detail", "target", "reason"))


def _say(value: Any, lang: str) -> Any:
    # The learner's dates and amounts, in the reader's language (values of other types as given).
    if isinstance(value, Amount):
        return money(value.value, value.currency, lang)
    if isinstance(value, date):
        return day(value, lang)
    return value


def _shorten(value: Any) -> Any:
    # Learner values are quoted back in messages; a 10 kB value would drown them.
    if isinstance(value, str) and len(value) > 80:
        return value[:77] + "…"
    return value

WARNINGS: dict[str, dict[str, str]] = {
    "W101": {"fr": "L'action « {title} » est datée du {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "The action “{title}” is dated {date}, after the objective's deadline ({deadline})."},
    "W101.fix": {"fr": "Avance la date, ou repousse l'échéance de l'objectif si elle n'est plus réaliste.",
                 "en": "Bring the date forward, or move the objective's deadline if it is no longer realistic."},
    "W102": {"fr": "La tâche « {title} » est due le {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "The task “{title}” is due on {date}, after the objective's deadline ({deadline})."},
    "W102.fix": {"fr": "Avance la date limite de la tâche, ou revois l'échéance de l'objectif.",
                 "en": "Bring the task's deadline forward, or review the objective's deadline."},
    "W103": {"fr": "Le rituel « {title} » court jusqu'au {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "The ritual “{title}” runs until {date}, after the objective's deadline ({deadline})."},
    "W103.fix": {"fr": "Raccourcis « pendant » ou avance « fin » pour finir avant l'échéance.",
                 "en": "Shorten “for” or bring “end” forward so it ends before the deadline."},
    "W104": {"fr": "La tâche « {title} » est due le {date}, après la date limite de son action ({due}).",
             "en": "The task “{title}” is due on {date}, after its action's deadline ({due})."},
    "W104.fix": {"fr": "Une tâche se termine avant son action : avance-la ou repousse l'action.",
                 "en": "A task ends before its action: bring it forward or move the action's deadline."},
    "W105": {"fr": "L'action « {title} » est lancée le {start}, après sa date limite ({due}).",
             "en": "The action “{title}” starts on {start}, after its deadline ({due})."},
    "W105.fix": {"fr": "Vérifie les deux dates : le lancement vient avant la date limite.",
                 "en": "Check both dates: the launch comes before the deadline."},
    "W201": {"fr": "L'action « {title} » est à long terme alors que l'objectif est à moins de 3 mois : les actions sont-elles cohérentes avec l'échéance ?",
             "en": "The action “{title}” is long-term while the objective is less than 3 months away: are the actions consistent with the deadline?"},
    "W201.fix": {"fr": "Choisis une action à court terme, ou donne-toi une échéance plus lointaine.",
                 "en": "Choose a short-term action, or set a later deadline."},
    "W202": {"fr": "L'objectif est à moins de 3 mois mais aucune action n'est à court terme (horizon: court).",
             "en": "The objective is less than 3 months away but no action is short-term (term: short)."},
    "W202.fix": {"fr": "Ajoute au moins une action à effet rapide, avec « horizon: court ».",
                 "en": "Add at least one quick-win action with “term: short”."},
    "W301": {"fr": "Loi des nombres : {volume} prévus pour {target} visés, il en faudrait au moins {needed} (×{multiplier}).",
             "en": "Law of numbers: {volume} planned for {target} wanted, at least {needed} are needed (×{multiplier})."},
    "W301.fix": {"fr": "Augmente le volume prévu : en démarrage il faut 3 tentatives par résultat, en développement 2.",
                 "en": "Raise the planned volume: 3 attempts per result at start-up, 2 in growth."},
    "W401": {"fr": "Aucun indicateur de résultat : comment sauras-tu que l'objectif est atteint ?",
             "en": "No result indicator: how will you know the objective is reached?"},
    "W401.fix": {"fr": "Ajoute un indicateur « type: resultat » (ex. chiffre d'affaires, nombre de clients).",
                 "en": "Add an indicator with “kind: result” (e.g. turnover, number of customers)."},
    "W402": {"fr": "Aucun indicateur de suivi : rien ne permet de piloter les actions en cours de route.",
             "en": "No tracking indicator: nothing steers the actions along the way."},
    "W402.fix": {"fr": "Ajoute un indicateur « type: suivi » (ex. nombre de contacts, visites du site).",
                 "en": "Add an indicator with “kind: tracking” (e.g. contacts made, site visits)."},
    "W403": {"fr": "L'indicateur « {title} » n'a pas d'outil : d'où viendront les mesures ?",
             "en": "The indicator “{title}” has no source: where will the values come from?"},
    "W403.fix": {"fr": "Ajoute « outil: » (CRM, Excel, Instagram, Google Analytics…).",
                 "en": "Add “source:” (CRM, Excel, Instagram, Google Analytics…)."},
    "W501": {"fr": "Le frein « {title} » n'a aucune solution.", "en": "The obstacle “{title}” has no solution."},
    "W501.fix": {"fr": "Ajoute au moins une solution, même partielle, sous « solutions: ».",
                 "en": "Add at least one solution, even a partial one, under “solutions:”."},
    "W601": {"fr": "Les budgets des tâches de « {title} » font {total}, plus que le budget de l'action ({budget}).",
             "en": "The tasks of “{title}” add up to {total}, more than the action's budget ({budget})."},
    "W601.fix": {"fr": "Augmente le budget de l'action ou réduis celui des tâches.",
                 "en": "Raise the action's budget or lower its tasks' budgets."},
    "W701": {"fr": "Le rituel « {title} » tombe le {day} à {time}, hors des blocs « {domain} » de la semaine idéale.",
             "en": "The ritual “{title}” falls on {day} at {time}, outside the “{domain}” blocks of the ideal week."},
    "W701.fix": {"fr": "Déplace le rituel dans un bloc de son domaine, ou ajoute ce bloc à la semaine idéale.",
                 "en": "Move the ritual into a block of its domain, or add that block to the ideal week."},
    "W801": {"fr": "Mesure datée du {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "Measurement dated {date}, after the objective's deadline ({deadline})."},
    "W801.fix": {"fr": "Vérifie la date de la mesure, ou prolonge l'objectif.",
                 "en": "Check the measurement's date, or extend the objective."},
    "W802": {"fr": "Mesure datée du {date}, avant le début du plan ({start}).",
             "en": "Measurement dated {date}, before the plan's start ({start})."},
    "W802.fix": {"fr": "Une valeur d'avant le plan va dans « valeur_initiale » ; sinon corrige la date.",
                 "en": "A value from before the plan belongs in “initial”; otherwise fix the date."},
    # Version 1.1: steering the plan
    "W901": {"fr": "La revue du {date} juge les résultats non cohérents avec l'objectif, sans aucune décision : définis ce que tu veux changer.",
             "en": "The review of {date} finds the results off track, with no decision: define what you want to change."},
    "W901.fix": {"fr": "Ajoute sous « decisions: » ce qui change (une phrase, ou decision/action/echeance).",
                 "en": "List under “decisions:” what changes (a sentence, or decision/action/due)."},
    "W902": {"fr": "La revue du {date} juge les résultats cohérents, sans aucune bonne pratique : identifie ce qui marche.",
             "en": "The review of {date} finds the results on track, with no good practice: identify what works."},
    "W902.fix": {"fr": "Ajoute sous « bonnes_pratiques: » ce qui marche et que tu gardes.",
                 "en": "List under “good_practices:” what works and is kept."},
    "W1001": {"fr": "L'indicateur « {title} » est en retard sur sa trajectoire à ses deux dernières mesures ({first} et {second}), et aucune revue depuis le {first} ne l'examine : les résultats dérivent, que vas-tu changer ?",
              "en": "The indicator “{title}” is behind its expected path at its last two measurements ({first} and {second}), and no review since {first} looks at it: the results drift; what will you change?"},
    "W1001.fix": {"fr": "Ajoute une revue sous « suivi: » qui liste cet indicateur, avec tes décisions.",
                  "en": "Add a review under “reviews:” that lists this indicator, with your decisions."},
    "W1101": {"fr": "Mesure datée du {date}, après aujourd'hui ({today}) : elle ne compte pas encore. Une faute de frappe dans l'année ?",
              "en": "Measurement dated {date}, after today ({today}): it does not count yet. A typo in the year?"},
    "W1101.fix": {"fr": "Corrige la date de la mesure ; une mesure s'ajoute une fois relevée.",
                  "en": "Fix the measurement's date; a measurement is added once it is taken."},
    "W1102": {"fr": "Revue datée du {date}, après aujourd'hui ({today}) : elle ne compte pas encore. Une faute de frappe dans l'année ?",
              "en": "Review dated {date}, after today ({today}): it does not count yet. A typo in the year?"},
    "W1102.fix": {"fr": "Corrige la date de la revue ; une revue future se planifie comme un rituel.",
                  "en": "Fix the review's date; a future review is planned as a ritual."},
    # Issue 21: mistakes that used to pass silently (coherence engineer), W1201…
    "W1201": {"fr": "Date du {date}, plus d'un an avant le début du plan ({start}) : une date d'exemple recopiée, ou une faute dans l'année ?",
              "en": "Date {date}, more than a year before the plan starts ({start}): an example date copied, or a typo in the year?"},
    "W1201.fix": {"fr": "Corrige la date (souvent l'année) pour qu'elle tombe entre le début du plan et son échéance.",
                  "en": "Fix the date (often the year) so that it falls between the plan's start and its deadline."},
    "W1202": {"fr": "L'action « {title} » est due le {date}, avant le début du plan ({start}).",
              "en": "The action “{title}” is due on {date}, before the plan starts ({start})."},
    "W1202.fix": {"fr": "Une action du plan se termine après son début : corrige sa date limite, ou le début du plan (objectif.debut).",
                  "en": "An action of the plan ends after the plan starts: fix its deadline, or the plan's start (objective.start)."},
    "W1203": {"fr": "La tâche « {title} » est due le {date}, avant le début du plan ({start}).",
              "en": "The task “{title}” is due on {date}, before the plan starts ({start})."},
    "W1203.fix": {"fr": "Corrige la date limite de la tâche ; une étape déjà franchie avant le plan va dans « bilan ».",
                  "en": "Fix the task's deadline; a step taken before the plan belongs in “past_actions”."},
    "W1204": {"fr": "La tâche « {title} » est marquée faite le {date}, après aujourd'hui ({today}) : une faute de frappe dans la date ?",
              "en": "The task “{title}” is marked done on {date}, after today ({today}): a typo in the date?"},
    "W1204.fix": {"fr": "Écris la date à laquelle tu as vraiment fait la tâche ; « fait_le » s'ajoute une fois la tâche faite.",
                  "en": "Write the date you actually did the task; “done_on” is added once the task is done."},
    "W1205": {"fr": "La tâche « {title} » est marquée faite le {date}, avant le début du plan ({start}).",
              "en": "The task “{title}” is marked done on {date}, before the plan starts ({start})."},
    "W1205.fix": {"fr": "Corrige la date ; ce qui était fait avant le plan va dans « bilan ».",
                  "en": "Fix the date; what was done before the plan belongs in “past_actions”."},
    "W1206": {"fr": "L'indicateur « {title} » a une valeur cible égale à sa valeur initiale ({value}) : il n'y a rien à atteindre.",
              "en": "The indicator “{title}” has a target equal to its initial value ({value}): there is nothing to reach."},
    "W1206.fix": {"fr": "Donne la valeur que tu veux atteindre à l'échéance (plus basse que l'initiale si moins = mieux).",
                  "en": "Give the value you want to reach by the deadline (below the initial one when lower is better)."},
    "W1207": {"fr": "Contenu d'exemple non modifié : « {value} » a été écrit par pac-gen new, pas par toi.",
              "en": "Example content left unchanged: “{value}” was written by pac-gen new, not by you."},
    "W1207.fix": {"fr": "Remplace-le par ce que tu prévois vraiment, ou supprime-le.",
                  "en": "Replace it with what you really plan, or remove it."},
    "W1208": {"fr": "Sans « debut » dans l'objectif, le plan commence à son plus ancien lancement, le {date} : plus de deux ans avant l'échéance ({deadline}). Une date d'exemple recopiée ?",
              "en": "With no “start” in the objective, the plan starts at its earliest launch, {date}: more than two years before the deadline ({deadline}). An example date copied?"},
    "W1208.fix": {"fr": "Corrige la date de lancement, ou écris le début du plan dans « objectif.debut ».",
                  "en": "Fix the launch date, or give the plan's start in “objective.start”."},
    "W1207.law": {"fr": "loi des nombres : {target} {unit} visés, {volume} prévus",
                  "en": "law of numbers: {target} {unit} wanted, {volume} planned"},
    # Acknowledged warnings (pac_gen/check/acknowledge.py)
    "W1301": {"fr": "Aucun avertissement {warning} n'est signalé sur cet élément : cette acceptation ne sert à rien "
                    "(l'avertissement a disparu, ou il porte sur un autre élément).",
              "en": "No warning {warning} is reported on this item: this acknowledgement does nothing "
                    "(the warning is gone, or it is about another item)."},
    "W1301.fix": {"fr": "Retire cette ligne de « avertissements_acceptes », ou déplace-la sur l'élément que "
                        "l'avertissement désigne (l'action, la tâche, l'indicateur… à la ligne qu'il indique).",
                  "en": "Remove this line from “acknowledged_warnings”, or move it to the item the warning is "
                        "about (the action, task, indicator… on the line it gives)."},
}
MESSAGES.update(WARNINGS)

# Acknowledged warnings: a learner keeps a warning on purpose, with a reason (pac_gen/check/acknowledge.py).
ACKNOWLEDGEMENT_TEXT: dict[str, dict[str, str]] = {
    "E301": {"fr": "« {warning} » n'est pas le code d'un avertissement que tu peux accepter.{hint} "
                   "Codes possibles : {allowed}.",
             "en": "“{warning}” is not the code of a warning you can acknowledge.{hint} Possible codes: {allowed}."},
    "E301.hint": {"fr": " Tu voulais dire « {suggestion} » ?", "en": " Did you mean “{suggestion}”?"},
    "E302": {"fr": "« {warning} » est une erreur : une erreur ne s'accepte pas, elle se corrige (le plan n'est pas "
                   "publié tant qu'elle reste). Retire cette ligne et corrige l'erreur à la ligne qu'elle indique.",
             "en": "“{warning}” is an error: an error cannot be acknowledged, it must be fixed (the plan is not "
                   "published while it remains). Remove this line and fix the error on the line it gives."},
    "E303": {"fr": "Donne en quelques mots la raison pour laquelle tu gardes cet avertissement, par exemple "
                   "« W601: budget financé par la subvention ».",
             "en": "Say in a few words why you keep this warning, for example “W601: budget paid by the grant”."},
    "E304": {"fr": "« {warning} » signale une acceptation devenue inutile : retire-la plutôt que de l'accepter.",
             "en": "“{warning}” reports an acknowledgement that is no longer needed: remove it rather than acknowledge it."},
    "type.reason": {"fr": "Une courte raison est attendue ici : pourquoi tu gardes cet avertissement.",
                    "en": "A short reason is expected here: why you keep this warning."},
    "schema.error.warning_code": {"fr": "Code d'avertissement attendu, par exemple W601.",
                                  "en": "Expected a warning code, e.g. W601."},
    "schema.error.reason": {"fr": "Une courte raison est attendue : pourquoi tu gardes cet avertissement.",
                            "en": "Expected a short reason: why you keep this warning."},
    "site.acknowledged": {"fr": "Avertissements acceptés", "en": "Acknowledged warnings"},
    "site.acknowledged_help": {"fr": "L'apprenant·e garde ces avertissements en connaissance de cause, pour la raison "
                                     "donnée : ils ne comptent plus parmi les points à revoir.",
                               "en": "The learner keeps these warnings on purpose, for the reason given: they no longer "
                                     "count among the points to review."},
    "site.reason": {"fr": "Raison", "en": "Reason"},
    "review.acknowledged": {"fr": "avertissement accepté", "en": "acknowledged warning"},
    "review.line.warning.acknowledged": {"fr": "Avertissement {parent} accepté, raison {after} : {name}",
                                         "en": "Warning {parent} acknowledged, reason {after}: {name}"},
    "review.line.warning.unacknowledged": {"fr": "Acceptation de {parent} retirée (raison {before}), l'avertissement "
                                                 "compte de nouveau : {name}",
                                           "en": "Acknowledgement of {parent} removed (reason {before}), the warning "
                                                 "counts again: {name}"},
    "review.count.warnings_acknowledged": {"fr": "{n} avertissement accepté", "en": "{n} warning acknowledged"},
    "review.count.warnings_acknowledged.n": {"fr": "{n} avertissements acceptés", "en": "{n} warnings acknowledged"},
    "review.count.acknowledgements_removed": {"fr": "{n} acceptation retirée", "en": "{n} acknowledgement removed"},
    "review.count.acknowledgements_removed.n": {"fr": "{n} acceptations retirées", "en": "{n} acknowledgements removed"},
    "reference.acknowledgements": {"fr": "code d'avertissement (`W601`) → raison (texte)",
                                   "en": "warning code (`W601`) → reason (text)"},
}
MESSAGES.update(ACKNOWLEDGEMENT_TEXT)

# Words shown in the charts (titles, legends, hover texts): see pac_gen/site/charts.py.
CHART_TEXT: dict[str, dict[str, str]] = {
    "chart.indicator.title": {"fr": "{name} — {status}", "en": "{name} — {status}"},
    "chart.measurements": {"fr": "Mesures", "en": "Measurements"},
    "chart.initial": {"fr": "Valeur initiale", "en": "Initial value"},
    "chart.target": {"fr": "Cible", "en": "Target"},
    "chart.target.named": {"fr": "Cible : {value}", "en": "Target: {value}"},
    "chart.hover.amount": {"fr": "{title}<br>{label} : {value}", "en": "{title}<br>{label}: {value}"},
    "chart.expected": {"fr": "Trajectoire attendue", "en": "Expected path"},
    "chart.expected_today": {"fr": "Attendu aujourd'hui", "en": "Expected today"},
    "chart.lower_is_better": {"fr": "plus bas = mieux", "en": "lower is better"},
    "chart.today": {"fr": "aujourd'hui", "en": "today"},
    "chart.data": {"fr": "Les chiffres du graphique", "en": "The chart's figures"},
    "chart.deadline": {"fr": "échéance", "en": "deadline"},
    "chart.hover.value": {"fr": "{label} : {value}<br>{date}", "en": "{label}: {value}<br>{date}"},
    "chart.timeline.title": {"fr": "Calendrier des actions", "en": "Action timeline"},
    "chart.hover.action": {"fr": "{title}<br>{kind} : du {start} au {due}", "en": "{title}<br>{kind}: {start} to {due}"},
    "chart.task.done": {"fr": "Tâche faite", "en": "Task done"},
    "chart.task.planned": {"fr": "Tâche à venir", "en": "Upcoming task"},
    "chart.task.late": {"fr": "Tâche en retard", "en": "Late task"},
    "chart.task.status.done": {"fr": "faite", "en": "done"},
    "chart.task.status.planned": {"fr": "à venir", "en": "upcoming"},
    "chart.task.status.late": {"fr": "en retard", "en": "late"},
    "chart.hover.task": {"fr": "{task}<br>date limite : {due} · {status}", "en": "{task}<br>due: {due} · {status}"},
    "chart.budget.title": {"fr": "Budget des actions et de leurs tâches", "en": "Budget of the actions and their tasks"},
    "chart.budget.action": {"fr": "Budget de l'action", "en": "Action budget"},
    "chart.budget.tasks": {"fr": "Somme des budgets des tâches", "en": "Sum of the tasks' budgets"},
    "chart.budget.axis": {"fr": "Montant ({symbol})", "en": "Amount ({symbol})"},
    "chart.budget.none": {"fr": "pas de budget", "en": "no budget"},
    "chart.overview.title": {"fr": "Avancement des plans", "en": "Progress of the plans"},
    "chart.overview.tasks": {"fr": "Tâches faites", "en": "Tasks done"},
    "chart.overview.indicators": {"fr": "Indicateurs dans les temps, en avance ou atteints",
                                  "en": "Indicators on track, ahead or reached"},
    "chart.overview.hover.tasks": {"fr": "{label}<br>{n} tâche faite sur {planned}",
                                   "en": "{label}<br>{n} task done out of {planned}"},
    "chart.overview.hover.tasks.n": {"fr": "{label}<br>{n} tâches faites sur {planned}",
                                     "en": "{label}<br>{n} tasks done out of {planned}"},
    "chart.overview.hover.indicators": {"fr": "{label}<br>{n} indicateur sur {total}",
                                        "en": "{label}<br>{n} indicator out of {total}"},
    "chart.overview.hover.indicators.n": {"fr": "{label}<br>{n} indicateurs sur {total}",
                                          "en": "{label}<br>{n} indicators out of {total}"},
    "chart.overview.hover.no_indicator": {"fr": "{label}<br>aucun indicateur", "en": "{label}<br>no indicator"},
    "chart.reviews": {"fr": "Revues", "en": "Reviews"},
    "chart.hover.review": {"fr": "Revue du {date}<br>{verdict}", "en": "Review of {date}<br>{verdict}"},
    "chart.review.on_track": {"fr": "résultats cohérents", "en": "results on track"},
    "chart.review.off_track": {"fr": "résultats non cohérents", "en": "results off track"},
    "chart.review.unknown": {"fr": "cohérence non précisée", "en": "on track: not said"},
}
MESSAGES.update(CHART_TEXT)




# The format's words as a reader sees them, and what each action type means in the method.
WORD_TEXT: dict[str, dict[str, str]] = {
    "word.prospection": {"fr": "Prospection", "en": "Prospecting"},
    "word.communication": {"fr": "Communication", "en": "Communication"},
    "word.fidelisation": {"fr": "Fidélisation", "en": "Retention"},
    "word.court": {"fr": "Court terme", "en": "Short term"},
    "word.moyen": {"fr": "Moyen terme", "en": "Medium term"},
    "word.long": {"fr": "Long terme", "en": "Long term"},
    "word.demarrage": {"fr": "Démarrage", "en": "Start-up"},
    "word.developpement": {"fr": "Développement", "en": "Growth"},
    "word.a_faire": {"fr": "À faire", "en": "To do"},
    "word.en_cours": {"fr": "En cours", "en": "In progress"},
    "word.fait": {"fr": "Fait", "en": "Done"},
    "word.abandonne": {"fr": "Abandonné", "en": "Dropped"},
    "word.suivi": {"fr": "Suivi", "en": "Tracking"},
    "word.resultat": {"fr": "Résultat", "en": "Result"},
    "word.atteint": {"fr": "Atteint", "en": "Reached"},
    "word.en_avance": {"fr": "En avance", "en": "Ahead"},
    "word.dans_les_temps": {"fr": "Dans les temps", "en": "On track"},
    "word.en_retard": {"fr": "En retard", "en": "Late"},
    "word.aucune_mesure": {"fr": "Aucune mesure", "en": "No measurement"},
    "word.quotidienne": {"fr": "Tous les jours", "en": "Every day"},
    "word.hebdomadaire": {"fr": "Chaque semaine", "en": "Every week"},
    "word.toutes_les_2_semaines": {"fr": "Toutes les 2 semaines", "en": "Every 2 weeks"},
    "word.mensuelle": {"fr": "Chaque mois", "en": "Every month"},
    "word.trimestrielle": {"fr": "Chaque trimestre", "en": "Every quarter"},
    "word.moi": {"fr": "Moi", "en": "Me"},
    "word.famille": {"fr": "Famille", "en": "Family"},
    "word.social": {"fr": "Social", "en": "Social"},
    "word.entreprise": {"fr": "Entreprise", "en": "Business"},
    "word.lundi": {"fr": "lundi", "en": "Monday"},
    "word.mardi": {"fr": "mardi", "en": "Tuesday"},
    "word.mercredi": {"fr": "mercredi", "en": "Wednesday"},
    "word.jeudi": {"fr": "jeudi", "en": "Thursday"},
    "word.vendredi": {"fr": "vendredi", "en": "Friday"},
    "word.samedi": {"fr": "samedi", "en": "Saturday"},
    "word.dimanche": {"fr": "dimanche", "en": "Sunday"},
    "word.meaning.prospection": {"fr": "trouver de nouveaux clients", "en": "find new customers"},
    "word.meaning.communication": {"fr": "se faire connaître et donner envie",
                                   "en": "make yourself known and make people want to buy"},
    "word.meaning.fidelisation": {"fr": "faire revenir et recommander les clients actuels",
                                  "en": "bring current customers back and have them recommend you"},
}
MESSAGES.update(WORD_TEXT)

# Punctuation, the command line, the settings and the plugin.
COMMON_TEXT: dict[str, dict[str, str]] = {
    "colon": {"fr": "{label} :", "en": "{label}:"},
    # The severity in the text output (pac_gen.check.problems.format_text)
    "severity.error": {"fr": "erreur", "en": "error"},
    "severity.warning": {"fr": "avertissement", "en": "warning"},
    "severity.acknowledged": {"fr": "avertissement accepté", "en": "acknowledged"},
    "quote": {"fr": "« {text} »", "en": "“{text}”"},
    "schema.title": {"fr": "Plan d'action commercial (format pac_gen v1)",
                     "en": "Commercial action plan (pac_gen format v1)"},
    # What an editor says under a value the schema refuses (the schema's errorMessage)
    "schema.error.date": {"fr": "Date attendue : AAAA-MM-JJ ou JJ/MM/AAAA, un jour qui existe (1900 à 2200).",
                        "en": "Expected a date: YYYY-MM-DD or DD/MM/YYYY, a day that exists (1900 to 2200)."},
    "schema.error.time": {"fr": "Heure attendue : HH:MM, par exemple 14:00.",
                        "en": "Expected a time: HH:MM, e.g. 14:00."},
    "schema.error.money": {"fr": "Montant attendu : un nombre positif, par exemple 1500 ou « 1 500,50 € ».",
                         "en": "Expected an amount: a positive number, e.g. 1500 or “1 500.50 €”."},
    "schema.error.number": {"fr": "Nombre attendu, par exemple 12,5.",
                          "en": "Expected a number, e.g. 12.5."},
    "schema.error.flag": {"fr": "Attendu : oui ou non.",
                        "en": "Expected: yes or no."},
    "schema.error.id": {"fr": "Id attendu : lettres minuscules, chiffres et tirets (ex. boutique-en-ligne).",
                      "en": "Expected an id: lower-case letters, digits and hyphens (e.g. online-shop)."},
    "cli.not_found": {"fr": "introuvable", "en": "not found"},
    # The command line's help (pac_gen.cli, in the language of --lang)
    "cli.help.description": {"fr": "Plans d'action commerciaux en YAML.", "en": "Commercial action plans in YAML."},
    "cli.help.command": {"fr": "COMMANDE", "en": "COMMAND"},
    "cli.help.validate": {"fr": "valider des plans", "en": "validate plans"},
    "cli.help.paths": {"fr": "fichiers ou dossiers (par défaut : plans/)", "en": "files or folders (default: plans/)"},
    "cli.help.strict": {"fr": "les avertissements font échouer", "en": "warnings make it fail"},
    "cli.help.changed_since": {"fr": "avec --format github : n'annoter que les plans changés depuis REV (ex. origin/main), et "
                                     "n'échouer que sur leurs erreurs ; tous les plans sont validés, et tous les problèmes "
                                     "vont dans le résumé",
                               "en": "with --format github: annotate only the plans changed since REV (e.g. origin/main), and "
                                     "fail only on their errors; every plan is validated, and every problem goes to the summary"},
    "cli.help.schema": {"fr": "JSON Schema du format", "en": "JSON Schema of the format"},
    "cli.help.lang": {"fr": "langue des messages", "en": "language of the messages"},
    "cli.help.today": {"fr": "la date du jour à utiliser (par défaut : aujourd'hui)",
                       "en": "the date to use as today (default: today)"},
    "cli.help.timezone": {"fr": "fuseau horaire des rituels", "en": "time zone of the rituals"},
    "cli.help.working_day_hours": {"fr": "heures d'une journée de travail", "en": "hours of a working day"},
    "cli.help.engine": {"fr": "générateur du site (par défaut : mkdocs)", "en": "site generator (default: mkdocs)"},
    "cli.help.config_file": {"fr": "réglages du site (par défaut : mkdocs.yml)", "en": "site settings (default: mkdocs.yml)"},
    "cli.help.build": {"fr": "construire le site", "en": "build the site"},
    "cli.help.build.description": {"fr": "Construit le site (pages des plans, vue d'ensemble, calendrier, téléchargements) "
                                         "avec le générateur choisi, à partir de mkdocs.yml.",
                                   "en": "Builds the site (plan pages, overview, calendar, downloads) "
                                         "with the chosen generator, from mkdocs.yml."},
    "cli.help.build_strict": {"fr": "les avertissements du générateur (un lien cassé dans docs/…) font échouer ; "
                                    "jamais ceux des plans",
                              "en": "the generator's warnings (a broken link in docs/…) make it fail; never the plans'"},
    "cli.help.site_dir": {"fr": "dossier du site produit (par défaut : site_dir de mkdocs.yml)",
                          "en": "folder of the site built (default: site_dir of mkdocs.yml)"},
    "cli.help.serve": {"fr": "prévisualiser le site", "en": "preview the site"},
    "cli.help.serve.description": {"fr": "Sert le site en local et le reconstruit à chaque enregistrement d'un plan ; "
                                         "un plan en erreur affiche ses erreurs sur sa page au lieu d'arrêter le serveur.",
                                   "en": "Serves the site locally and rebuilds it each time a plan is saved; "
                                         "a plan with errors shows them on its page instead of stopping the server."},
    "cli.help.dev_addr": {"fr": "adresse IP:port (par défaut : localhost:8000)", "en": "IP:port address (default: localhost:8000)"},
    "cli.help.path_metavar": {"fr": "CHEMIN", "en": "PATH"},
    "cli.help.version": {"fr": "affiche la version de pac-gen et quitte", "en": "show pac-gen's version and exit"},
    "cli.help.date_metavar": {"fr": "AAAA-MM-JJ", "en": "YYYY-MM-DD"},
    "cli.help.zone_metavar": {"fr": "FUSEAU", "en": "ZONE"},
    "cli.help.hours_metavar": {"fr": "HEURES", "en": "HOURS"},
    "cli.help.file_metavar": {"fr": "FICHIER", "en": "FILE"},
    "cli.help.folder_metavar": {"fr": "DOSSIER", "en": "FOLDER"},
    "cli.help.plan_metavar": {"fr": "PLAN", "en": "PLAN"},
    "cli.help.plans": {"fr": "montrer ces plans ou dossiers (et ceux enregistrés pendant l'aperçu)",
                       "en": "show these plans or folders (and those saved during the preview)"},
    "cli.help.all": {"fr": "montrer tous les plans, même d'une grande promotion", "en": "show every plan, even of a large cohort"},
    "cli.help.export": {"fr": "exporter un plan en CSV ou ICS", "en": "export a plan as CSV or ICS"},
    "cli.help.export.description": {"fr": "Exporte les tâches d'un plan en CSV pour Excel (UTF-8 avec BOM, séparées par des points-virgules) "
                                          "ou ses rituels en agenda ICS. Mêmes octets que les téléchargements du site.",
                                    "en": "Exports a plan's tasks as CSV for Excel (UTF-8 with BOM, separated by semicolons) "
                                          "or its rituals as an ICS calendar. The same bytes as the site's downloads."},
    "cli.help.new": {"fr": "commencer un plan", "en": "start a plan"},
    "cli.help.new.description": {"fr": "Crée un plan : pose les questions de la méthode (dans un terminal, ou une réponse "
                                       "par ligne sur l'entrée standard) ; avec --yes, écrit un modèle complet à compléter.",
                                 "en": "Creates a plan: asks the method's questions (in a terminal, or one answer per line "
                                       "on standard input); with --yes, writes a complete template to fill in."},
    "cli.help.new_path": {"fr": "fichier à créer, ex. plans/camille/boutique.yaml", "en": "file to create, e.g. plans/camille/boutique.yaml"},
    "cli.help.new_yes": {"fr": "ne rien demander : modèle avec valeurs d'exemple", "en": "ask nothing: a template with example values"},
    "cli.help.new_today": {"fr": "date de début du plan (par défaut : aujourd'hui)", "en": "the plan's start date (default: today)"},
    "cli.help.plan": {"fr": "le fichier du plan, ex. plans/camille/boutique.yaml", "en": "the plan file, e.g. plans/camille/boutique.yaml"},
    "cli.help.site_url": {"fr": "adresse publiée du site, à laquelle les événements ICS renvoient (page du plan) ; "
                                "par défaut : le site_url de mkdocs.yml (ou la variable SITE_URL qu'il nomme)",
                          "en": "published address of the site, which the ICS events link back to (the plan's page); "
                                "default: the site_url of mkdocs.yml (or the SITE_URL variable it names)"},
    "cli.help.output": {"fr": "fichier à écrire (par défaut : la sortie standard)", "en": "file to write (default: standard output)"},
    "cli.help.export_plans_dir": {"fr": "dossier des plans, dont le chemin du plan nomme ses événements (UID) ; "
                                        "par défaut : le plans_dir de mkdocs.yml, sinon le dossier « plans » qui le contient",
                                  "en": "plans folder, whose path to the plan names its events (UID); "
                                        "default: the plans_dir of mkdocs.yml, else the “plans” folder holding it"},
    "cli.help.review": {"fr": "comparer les plans de deux révisions git", "en": "compare the plans of two git revisions"},
    "cli.help.review.description": {"fr": "Compare les plans entre deux révisions git (HEAD absent : l'arbre de travail) "
                                          "et imprime un rapport de relecture.",
                                    "en": "Compares the plans between two git revisions (without HEAD: the working tree) "
                                          "and prints a review report."},
    "cli.help.base": {"fr": "révision de départ (branche, étiquette, commit), ex. origin/main",
                      "en": "revision to start from (branch, tag, commit), e.g. origin/main"},
    "cli.help.head": {"fr": "révision d'arrivée (par défaut : l'arbre de travail)", "en": "revision to end at (default: the working tree)"},
    "cli.help.review_format": {"fr": "markdown (par défaut) ou json ; en JSON, \"head\" vaut \"{working_tree}\" sans HEAD",
                               "en": "markdown (default) or json; in JSON, \"head\" is \"{working_tree}\" without HEAD"},
    "cli.help.review_plans_dir": {"fr": "dossier des plans (par défaut : plans)", "en": "plans folder (default: plans)"},
    # argparse's own words, keyed by its English message (pac_gen.cli.common.speaking)
    "argparse.usage: ": {"fr": "usage : ", "en": "usage: "},
    # argparse writes "{heading}:"; the French heading ends with the space French puts before a colon
    "argparse.positional arguments": {"fr": "arguments ", "en": "positional arguments"},
    "argparse.options": {"fr": "options ", "en": "options"},
    "argparse.show this help message and exit": {"fr": "affiche cette aide et quitte", "en": "show this help message and exit"},
    "argparse.%(prog)s: error: %(message)s\n": {"fr": "%(prog)s : erreur : %(message)s\n", "en": "%(prog)s: error: %(message)s\n"},
    "argparse.argument %(argument_name)s: %(message)s": {"fr": "argument %(argument_name)s : %(message)s",
                                                          "en": "argument %(argument_name)s: %(message)s"},
    "argparse.invalid choice: %(value)r (choose from %(choices)s)": {
        "fr": "choix invalide : « %(value)s » (choisis parmi %(choices)s)",
        "en": "invalid choice: %(value)r (choose from %(choices)s)"},
    "argparse.invalid %(type)s value: %(value)r": {"fr": "valeur invalide (%(type)s) : « %(value)s »",
                                                   "en": "invalid %(type)s value: %(value)r"},
    "argparse.the following arguments are required: %s": {"fr": "il manque ces arguments obligatoires : %s",
                                                          "en": "the following arguments are required: %s"},
    "argparse.one of the arguments %s is required": {"fr": "un des arguments %s est obligatoire",
                                                     "en": "one of the arguments %s is required"},
    "argparse.unrecognized arguments: %s": {"fr": "arguments inconnus : %s", "en": "unrecognized arguments: %s"},
    "argparse.expected one argument": {"fr": "une valeur est attendue", "en": "expected one argument"},
    "argparse.expected at least one argument": {"fr": "au moins une valeur est attendue", "en": "expected at least one argument"},
    "argparse.expected at most one argument": {"fr": "au plus une valeur est attendue", "en": "expected at most one argument"},
    "argparse.expected %s argument": {"fr": "%s valeur attendue", "en": "expected %s argument"},
    "argparse.expected %s argument.n": {"fr": "%s valeurs attendues", "en": "expected %s arguments"},
    "argparse.not allowed with argument %s": {"fr": "impossible avec l'argument %s", "en": "not allowed with argument %s"},
    "argparse.ambiguous option: %(option)s could match %(matches)s": {
        "fr": "option ambiguë : %(option)s peut être %(matches)s",
        "en": "ambiguous option: %(option)s could match %(matches)s"},
    "argparse.ignored explicit argument %r": {"fr": "valeur %r ignorée", "en": "ignored explicit argument %r"},
    "argparse.can't open '%(filename)s': %(error)s": {"fr": "impossible d'ouvrir « %(filename)s » : %(error)s",
                                                     "en": "can't open '%(filename)s': %(error)s"},
    "argparse.unknown parser %(parser_name)r (choices: %(choices)s)": {
        "fr": "commande inconnue « %(parser_name)s » (choix : %(choices)s)",
        "en": "unknown parser %(parser_name)r (choices: %(choices)s)"},
    # Counts (pac_gen.text.count): the singular, and ".n" for the plural
    "count.plan": {"fr": "{n} plan", "en": "{n} plan"},
    "count.plan.n": {"fr": "{n} plans", "en": "{n} plans"},
    "count.error": {"fr": "{n} erreur", "en": "{n} error"},
    "count.error.n": {"fr": "{n} erreurs", "en": "{n} errors"},
    "count.warning": {"fr": "{n} avertissement", "en": "{n} warning"},
    "count.warning.n": {"fr": "{n} avertissements", "en": "{n} warnings"},
    "cli.not_a_file": {"fr": "n'est pas un fichier de plan (un dossier ?)", "en": "is not a plan file (a folder?)"},
    "cli.outside_plans_dir": {"fr": "n'est pas dans ce dossier des plans ({plans_dir})",
                              "en": "is not inside this plans folder ({plans_dir})"},
    "cli.cannot_write": {"fr": "impossible d'écrire ce fichier : son dossier existe-t-il, et n'est-ce pas un dossier ?",
                         "en": "cannot write this file: does its folder exist, and is it not a folder?"},
    "cli.summary": {"fr": "{plans}, {errors}, {warnings}", "en": "{plans}, {errors}, {warnings}"},
    "cli.github.total": {"fr": "{total} ; {n} annoté (plans modifiés), liste complète dans le résumé",
                         "en": "{total}; {n} annotated (changed plans), full list in the summary"},
    "cli.github.total.n": {"fr": "{total} ; {n} annotés (plans modifiés), liste complète dans le résumé",
                           "en": "{total}; {n} annotated (changed plans), full list in the summary"},
    "cli.review.exit_codes": {
        "fr": "codes de sortie :\n"
              "  0  rapport écrit, aucune erreur introduite (des avertissements, peut-être)\n"
              "  1  rapport écrit, au moins une erreur introduite (dans HEAD, pas dans BASE)\n"
              "  2  rien de comparé : révision inconnue, pas de dépôt git, option invalide",
        "en": "exit codes:\n"
              "  0  report written, no error introduced (warnings, perhaps)\n"
              "  1  report written, at least one error introduced (in HEAD, not in BASE)\n"
              "  2  nothing compared: unknown revision, no git repository, invalid option"},
    "cli.github.summary_unwritable": {"fr": "impossible d'écrire le résumé ({detail})",
                                      "en": "cannot write the summary ({detail})"},
    "settings.today": {"fr": "{value} n'est pas une date (AAAA-MM-JJ)", "en": "{value} is not a date (YYYY-MM-DD)"},
    "settings.epoch": {"fr": "SOURCE_DATE_EPOCH={value} n'est pas un horodatage Unix",
                       "en": "SOURCE_DATE_EPOCH={value} is not a Unix timestamp"},
    "settings.timezone": {"fr": "{value} n'est pas un fuseau IANA (ex. Europe/Paris)",
                          "en": "{value} is not an IANA time zone (e.g. Europe/Paris)"},
    "settings.working_day_hours": {"fr": "la journée de travail dure plus de 0 et au plus 24 heures",
                                   "en": "a working day lasts more than 0 and at most 24 hours"},
    "plugin.plans_dir.missing": {"fr": "{path} n'existe pas (le dossier des plans, relatif à mkdocs.yml)",
                                 "en": "{path} does not exist (the plans folder, relative to mkdocs.yml)"},
    "plugin.plans_dir.not_folder": {"fr": "{path} n'est pas un dossier (le dossier des plans, relatif à mkdocs.yml)",
                                    "en": "{path} is not a folder (the plans folder, relative to mkdocs.yml)"},
    "plugin.exists": {"fr": "{uri} existe déjà dans {docs_dir} : renomme ce fichier, cette page est générée à partir des plans",
                      "en": "{uri} already exists in {docs_dir}: rename that file, this page is generated from the plans"},
    "plugin.options_table": {"fr": "les options du plugin doivent être une table (clé: valeur)",
                             "en": "the plugin's options must be a mapping (key: value)"},
    "plugin.option_unknown": {"fr": "option inconnue « {name} » (options : {known})",
                              "en": "unknown option “{name}” (options: {known})"},
    "plugin.option_type": {"fr": "valeur de type inattendu ({value})", "en": "value of an unexpected type ({value})"},
    "plugin.language": {"fr": "{value} n'est pas une des langues {known}", "en": "{value} is not one of the languages {known}"},
    "site.config_missing": {"fr": "introuvable (le fichier de réglages du site, mkdocs.yml)",
                            "en": "not found (the site's settings file, mkdocs.yml)"},
    "site.config_unreadable": {"fr": "YAML illisible ({detail})", "en": "unreadable YAML ({detail})"},
    "site.config_table": {"fr": "le fichier doit être une table de réglages (clé: valeur)",
                          "en": "the file must be a mapping of settings (key: value)"},
    "site.no_plugin_entry": {"fr": "mkdocs.yml n'a pas d'entrée « pac_gen » sous « plugins: » : ajoute-la (voir docs/site.md)",
                             "en": "mkdocs.yml has no “pac_gen” entry under “plugins:”: add it (see docs/site.md)"},
    "site.docs_dir_missing": {"fr": "{path} n'existe pas (le dossier des pages, relatif à mkdocs.yml)",
                              "en": "{path} does not exist (the pages folder, relative to mkdocs.yml)"},
    "plugin.comments_removed": {"fr": "{uri} : un autre plugin a retiré les commentaires HTML de la page ; place pac_gen après lui dans « plugins »",
                                "en": "{uri}: another plugin removed the page's HTML comments; put pac_gen after it in “plugins”"},
}
MESSAGES.update(COMMON_TEXT)

SITE_TEXT: dict[str, dict[str, str]] = {
    "site.overview": {"fr": "Plans d'action", "en": "Action plans"},
    "site.learner": {"fr": "Apprenant·e", "en": "Learner"},
    "site.objective": {"fr": "Objectif", "en": "Objective"},
    "site.start": {"fr": "Début", "en": "Start"},
    "site.deadline": {"fr": "Échéance", "en": "Deadline"},
    "site.days_left": {"fr": "{n} jour restant", "en": "{n} day left"},
    "site.days_left.n": {"fr": "{n} jours restants", "en": "{n} days left"},
    "site.due_today": {"fr": "c'est aujourd'hui", "en": "it is today"},
    "site.overdue": {"fr": "dépassée depuis {n} jour", "en": "passed {n} day ago"},
    "site.overdue.n": {"fr": "dépassée depuis {n} jours", "en": "passed {n} days ago"},
    "site.phase": {"fr": "Phase", "en": "Stage"},
    "site.strategy": {"fr": "Rappel de la stratégie", "en": "Strategy reminder"},
    "site.downloads": {"fr": "Télécharger", "en": "Download"},
    "site.csv": {"fr": "Tâches (CSV pour Excel)", "en": "Tasks (CSV for Excel)"},
    "site.add_to_calendar": {"fr": "Ajouter à mon agenda", "en": "Add to my calendar"},
    "site.how_to_subscribe": {"fr": "comment s'abonner", "en": "how to subscribe"},
    "site.warnings": {"fr": "Points à revoir", "en": "Points to review"},
    "site.errors": {"fr": "Ce plan contient des erreurs", "en": "This plan has errors"},
    "site.errors_help": {"fr": "La page sera mise à jour dès que le fichier sera corrigé et enregistré.",
                         "en": "The page will update as soon as the file is fixed and saved."},
    "site.fix": {"fr": "Comment corriger", "en": "How to fix it"},
    "site.where": {"fr": "Emplacement", "en": "Location"},
    "site.summary": {"fr": "Où en est le plan", "en": "Where the plan stands"},
    "site.tasks": {"fr": "Tâches", "en": "Tasks"},
    "site.done": {"fr": "{n} faite", "en": "{n} done"},
    "site.done.n": {"fr": "{n} faites", "en": "{n} done"},
    "site.doing": {"fr": "en cours", "en": "in progress"},
    "site.late": {"fr": "en retard", "en": "late"},
    "site.total": {"fr": "au total", "en": "in all"},
    "site.dropped": {"fr": "{n} abandonnée", "en": "{n} dropped"},
    "site.dropped.n": {"fr": "{n} abandonnées", "en": "{n} dropped"},
    "site.actions_budget": {"fr": "Budget des actions", "en": "Budget of the actions"},
    "site.tasks_budget": {"fr": "Somme des budgets des tâches", "en": "Sum of the tasks' budgets"},
    "site.indicator_status": {"fr": "Statut des indicateurs", "en": "Indicator status"},
    "site.actions": {"fr": "Actions", "en": "Actions"},
    "site.kind": {"fr": "Type", "en": "Type"},
    "site.term": {"fr": "Horizon", "en": "Term"},
    "site.launch": {"fr": "Lancement", "en": "Launch"},
    "site.due": {"fr": "Date limite", "en": "Deadline"},
    "site.owner": {"fr": "Responsable", "en": "Owner"},
    "site.current_means": {"fr": "Moyens actuels", "en": "Current means"},
    "site.means_needed": {"fr": "Moyens à prévoir", "en": "Means to plan"},
    "site.budget": {"fr": "Budget", "en": "Budget"},
    "site.law": {"fr": "Loi des nombres", "en": "Law of numbers"},
    "site.target_result": {"fr": "Résultat visé", "en": "Target result"},
    "site.planned_volume": {"fr": "Volume prévu", "en": "Planned volume"},
    "site.multiplier": {"fr": "Multiplicateur de la phase", "en": "Multiplier for the stage"},
    "site.needed": {"fr": "Volume nécessaire", "en": "Volume needed"},
    "site.law_met": {"fr": "respectée", "en": "met"},
    "site.law_not_met": {"fr": "non respectée", "en": "not met"},
    "site.task": {"fr": "Tâche", "en": "Task"},
    "site.duration": {"fr": "Durée", "en": "Duration"},
    "site.means": {"fr": "Moyens", "en": "Means"},
    "site.status": {"fr": "Statut", "en": "Status"},
    "site.comments": {"fr": "Commentaires", "en": "Comments"},
    "site.result": {"fr": "Résultat", "en": "Result"},
    "site.late_marker": {"fr": "En retard", "en": "Late"},
    "site.no_tasks": {"fr": "Aucune tâche pour cette action.", "en": "No task for this action."},
    "site.done_on": {"fr": "fait le {date}", "en": "done on {date}"},
    "site.past_actions": {"fr": "Bilan des actions passées", "en": "Past actions"},
    "site.action": {"fr": "Action", "en": "Action"},
    "site.strengths": {"fr": "Atouts", "en": "Strengths"},
    "site.obstacles": {"fr": "Freins", "en": "Obstacles"},
    "site.effective": {"fr": "Efficace", "en": "Effective"},
    "site.yes": {"fr": "Oui", "en": "Yes"},
    "site.no": {"fr": "Non", "en": "No"},
    "site.obstacle": {"fr": "Frein", "en": "Obstacle"},
    "site.within_my_control": {"fr": "Dépend de moi", "en": "Within my control"},
    "site.causes": {"fr": "Causes", "en": "Causes"},
    "site.solutions": {"fr": "Solutions", "en": "Solutions"},
    "site.linked_action": {"fr": "Action liée", "en": "Linked action"},
    "site.team": {"fr": "Équipe", "en": "Team"},
    "site.name": {"fr": "Nom", "en": "Name"},
    "site.role": {"fr": "Rôle", "en": "Role"},
    "site.cost": {"fr": "Coût", "en": "Cost"},
    "site.availability": {"fr": "Disponibilité", "en": "Availability"},
    "site.indicators": {"fr": "Indicateurs", "en": "Indicators"},
    "site.indicator": {"fr": "Indicateur", "en": "Indicator"},
    "site.initial": {"fr": "Valeur initiale", "en": "Initial value"},
    "site.target": {"fr": "Valeur cible", "en": "Target value"},
    "site.last": {"fr": "Dernière mesure", "en": "Last measurement"},
    "site.progress": {"fr": "Progression", "en": "Progress"},
    "site.source": {"fr": "Outil", "en": "Source"},
    "site.journey_phase": {"fr": "Phase du parcours client", "en": "Customer journey phase"},
    "site.on": {"fr": "le {date}", "en": "on {date}"},
    "site.rituals": {"fr": "Rituels", "en": "Rituals"},
    "site.from_to": {"fr": "du {start} au {end}", "en": "from {start} to {end}"},
    "site.for_span": {"fr": "à partir du {start}, pendant {span}", "en": "from {start}, for {span}"},
    "site.domain": {"fr": "Domaine", "en": "Domain"},
    "site.at": {"fr": "à {time}", "en": "at {time}"},
    "site.notes": {"fr": "Notes", "en": "Notes"},
    "site.plan": {"fr": "Plan", "en": "Plan"},
    "site.warnings_count": {"fr": "Avertissements", "en": "Warnings"},
    "site.done_share": {"fr": "Tâches faites", "en": "Tasks done"},
    "site.other_plans": {"fr": "Autres plans", "en": "Other plans"},
    "site.no_plans": {"fr": "Aucun plan publié pour le moment.", "en": "No plan published yet."},
    "site.plans_count": {"fr": "{n} plan publié.", "en": "{n} plan published."},
    "site.plans_count.n": {"fr": "{n} plans publiés.", "en": "{n} plans published."},
    "site.has_errors": {"fr": "{n} erreur", "en": "{n} error"},
    "site.has_errors.n": {"fr": "{n} erreurs", "en": "{n} errors"},
    # Issue 21 §5 (exports): the overview's last update and last measurement.
    "site.updated": {"fr": "Mis à jour", "en": "Updated"},
    "site.update_unknown": {"fr": "date inconnue", "en": "date unknown"},
    "site.last_measure": {"fr": "Dernier relevé", "en": "Last measurement"},
    "site.no_measure": {"fr": "aucun", "en": "none"},
    # Issue 21: a plan with errors is left out of the published site, the others are published.
    "cli.build.failed": {"fr": "la construction a échoué (voir plus haut) : {path} n'a pas été touché.",
                         "en": "the build failed (see above): {path} was not touched."},
    "cli.build.left_out": {"fr": "site construit dans {path} SANS ces plans, qui ont des erreurs (listées plus haut avec "
                                 "leur ligne et leur colonne) : {paths}. Les autres plans sont publiés. Corrige ces "
                                 "erreurs : le plan sera publié à la construction suivante.",
                           "en": "site built in {path} WITHOUT these plans, which have errors (listed above with their "
                                 "line and column): {paths}. The other plans are published. Fix these errors: the plan "
                                 "is published by the next build."},
    "site.left_out_title": {"fr": "Plans laissés hors du site", "en": "Plans left out of the site"},
    "site.left_out_intro": {"fr": "Ces plans ont des erreurs : ils ne sont pas publiés (ni leur page, ni le calendrier, "
                                  "ni les téléchargements) tant qu'elles ne sont pas corrigées. Les autres plans sont à jour.",
                            "en": "These plans have errors: they are not published (no page, not in the calendar, "
                                  "no downloads) until the errors are fixed. The other plans are up to date."},
    "site.left_out_fix": {"fr": "C'est ton plan ? Lance « pac-gen validate » sur ton fichier, ou ouvre la vérification "
                                "de ta pull request : chaque erreur y est donnée avec sa ligne, sa colonne et la façon de "
                                "la corriger. Corrige-les et envoie ta correction : ton plan reviendra sur le site à la "
                                "publication suivante.",
                          "en": "Is it your plan? Run “pac-gen validate” on your file, or open your pull request's "
                                "check: each error is given with its line, its column and how to fix it. Fix them and "
                                "push your fix: your plan comes back on the site with the next publication."},
}
MESSAGES.update(SITE_TEXT)

CALENDAR_TEXT: dict[str, dict[str, str]] = {
    "calendar.rituel": {"fr": "Rituel", "en": "Ritual"},
    "calendar.tache": {"fr": "Échéance de tâche", "en": "Task due"},
    "calendar.lancement": {"fr": "Lancement", "en": "Launch"},
    "calendar.date-limite": {"fr": "Date limite", "en": "Deadline"},
    "calendar.objectif": {"fr": "Échéance de l'objectif", "en": "Objective due"},
    "calendar.releve": {"fr": "Relever", "en": "Measure"},
    "calendar.today": {"fr": "aujourd'hui", "en": "today"},
    "calendar.calendar": {"fr": "Calendrier", "en": "Calendar"},
    "calendar.site_calendar": {"fr": "Calendrier de la promotion", "en": "Cohort calendar"},
    "calendar.no_event": {"fr": "Rien de prévu ce mois-ci.", "en": "Nothing planned this month."},
    "calendar.late": {"fr": "en retard", "en": "late"},
    "calendar.done": {"fr": "fait", "en": "done"},
    # Issue 21 §5 (exports): a finished task in the feeds, and the cohort calendar's filter.
    "calendar.done_mark": {"fr": "✓ fait", "en": "✓ done"},
    "calendar.filter_label": {"fr": "Voir le calendrier de", "en": "Show the calendar of"},
    "calendar.filter_all": {"fr": "toute la promotion", "en": "the whole cohort"},
    "calendar.filter_group": {"fr": "{who} : tous ses plans", "en": "{who}: all their plans"},
    "calendar.filter_shown": {"fr": "Seuls les événements de « {who} » sont affichés ({n}).",
                              "en": "Only the events of “{who}” are shown ({n})."},
    "calendar.filter_none": {"fr": "Rien de prévu pour « {who} » dans ces mois.",
                             "en": "Nothing planned for “{who}” in these months."},
    "calendar.filter_page": {"fr": "Ouvrir la page du plan", "en": "Open the plan's page"},
    "calendar.subscribe": {"fr": "Ajouter à mon agenda", "en": "Add to my calendar"},
    "calendar.subscribe_link": {"fr": "Abonnement au calendrier (.ics)", "en": "Calendar subscription (.ics)"},
    "calendar.google": {"fr": "Google Agenda : « Autres agendas » → « + » → « À partir de l'URL », colle l'adresse du lien.",
                        "en": "Google Calendar: “Other calendars” → “+” → “From URL”, paste the link's address."},
    "calendar.outlook": {"fr": "Outlook : « Ajouter un calendrier » → « S'abonner à partir du web », colle l'adresse du lien.",
                         "en": "Outlook: “Add calendar” → “Subscribe from web”, paste the link's address."},
    "calendar.apple": {"fr": "Calendrier Apple : « Fichier » → « Nouvel abonnement à un calendrier… » (ou touche le lien sur iPhone).",
                       "en": "Apple Calendar: “File” → “New Calendar Subscription…” (or tap the link on an iPhone)."},
    "calendar.copy_hint": {"fr": "Copie l'adresse du lien (clic droit → « Copier le lien ») plutôt que de télécharger le fichier : l'agenda se mettra à jour tout seul.",
                           "en": "Copy the link's address (right click → “Copy link”) rather than downloading the file: your calendar will then update by itself."},
    "calendar.ideal_week": {"fr": "Semaine idéale", "en": "Ideal week"},
    "calendar.hour": {"fr": "Heure", "en": "Time"},
    "calendar.outside": {"fr": "hors des blocs « {domain} »", "en": "outside the “{domain}” blocks"},
    "calendar.no_block": {"fr": "Aucun bloc", "en": "No block"},
    "calendar.legend": {"fr": "Légende", "en": "Legend"},
    "calendar.biweekly": {"fr": "une semaine sur deux", "en": "every other week"},
    "calendar.week_table": {"fr": "Tableau de la semaine idéale", "en": "Ideal week table"},
    "calendar.occasional": {"fr": "Moins d'une fois par semaine (hors de la grille)",
                            "en": "Less than once a week (not in the grid)"},
    "calendar.custom_rhythm": {"fr": "rythme personnalisé", "en": "custom rhythm"},
    "calendar.window_note": {"fr": "Le mois dernier, ce mois-ci et les deux suivants ; l'agenda du plan (.ics) a tous ses mois.",
                             "en": "Last month, this month and the next two; the plan's calendar feed (.ics) has all its months."},
}
MESSAGES.update(CALENDAR_TEXT)

REVIEW_TEXT: dict[str, dict[str, str]] = {
    "review.count.plan_added": {"fr": "nouveau plan", "en": "new plan"},
    "review.count.plan_added.n": {"fr": "nouveau plan", "en": "new plan"},
    "review.count.plan_removed": {"fr": "plan supprimé", "en": "plan removed"},
    "review.count.plan_removed.n": {"fr": "plan supprimé", "en": "plan removed"},
    "review.count.tasks_done": {"fr": "{n} tâche faite", "en": "{n} task done"},
    "review.count.tasks_done.n": {"fr": "{n} tâches faites", "en": "{n} tasks done"},
    "review.count.tasks_started": {"fr": "{n} tâche commencée", "en": "{n} task started"},
    "review.count.tasks_started.n": {"fr": "{n} tâches commencées", "en": "{n} tasks started"},
    "review.count.tasks_dropped": {"fr": "{n} tâche abandonnée", "en": "{n} task dropped"},
    "review.count.tasks_dropped.n": {"fr": "{n} tâches abandonnées", "en": "{n} tasks dropped"},
    "review.count.status_changed": {"fr": "{n} autre statut modifié", "en": "{n} other status changed"},
    "review.count.status_changed.n": {"fr": "{n} autres statuts modifiés", "en": "{n} other statuses changed"},
    "review.count.tasks_added": {"fr": "{n} tâche ajoutée", "en": "{n} task added"},
    "review.count.tasks_added.n": {"fr": "{n} tâches ajoutées", "en": "{n} tasks added"},
    "review.count.tasks_removed": {"fr": "{n} tâche supprimée", "en": "{n} task removed"},
    "review.count.tasks_removed.n": {"fr": "{n} tâches supprimées", "en": "{n} tasks removed"},
    "review.count.actions_added": {"fr": "{n} action ajoutée", "en": "{n} action added"},
    "review.count.actions_added.n": {"fr": "{n} actions ajoutées", "en": "{n} actions added"},
    "review.count.actions_removed": {"fr": "{n} action supprimée", "en": "{n} action removed"},
    "review.count.actions_removed.n": {"fr": "{n} actions supprimées", "en": "{n} actions removed"},
    "review.count.deadlines_later": {"fr": "{n} échéance repoussée", "en": "{n} deadline pushed back"},
    "review.count.deadlines_later.n": {"fr": "{n} échéances repoussées", "en": "{n} deadlines pushed back"},
    "review.count.deadlines_earlier": {"fr": "{n} échéance avancée", "en": "{n} deadline brought forward"},
    "review.count.deadlines_earlier.n": {"fr": "{n} échéances avancées", "en": "{n} deadlines brought forward"},
    "review.count.budgets_changed": {"fr": "{n} budget modifié", "en": "{n} budget changed"},
    "review.count.budgets_changed.n": {"fr": "{n} budgets modifiés", "en": "{n} budgets changed"},
    "review.count.measurements_added": {"fr": "{n} mesure ajoutée", "en": "{n} measurement added"},
    "review.count.measurements_added.n": {"fr": "{n} mesures ajoutées", "en": "{n} measurements added"},
    "review.count.errors_introduced": {"fr": "{n} erreur introduite", "en": "{n} error introduced"},
    "review.count.errors_introduced.n": {"fr": "{n} erreurs introduites", "en": "{n} errors introduced"},
    "review.count.errors_fixed": {"fr": "{n} erreur corrigée", "en": "{n} error fixed"},
    "review.count.errors_fixed.n": {"fr": "{n} erreurs corrigées", "en": "{n} errors fixed"},
    "review.count.warnings_introduced": {"fr": "{n} avertissement introduit", "en": "{n} warning introduced"},
    "review.count.warnings_introduced.n": {"fr": "{n} avertissements introduits", "en": "{n} warnings introduced"},
    "review.count.warnings_fixed": {"fr": "{n} avertissement résolu", "en": "{n} warning resolved"},
    "review.count.warnings_fixed.n": {"fr": "{n} avertissements résolus", "en": "{n} warnings resolved"},
    "review.count.other_changes": {"fr": "{n} autre modification", "en": "{n} other change"},
    "review.count.other_changes.n": {"fr": "{n} autres modifications", "en": "{n} other changes"},
    "review.line.plan.added": {"fr": "Nouveau plan {name}", "en": "New plan {name}"},
    "review.line.plan.removed": {"fr": "Plan supprimé : {name}", "en": "Plan removed: {name}"},
    "review.line.plan.edited": {"fr": "Plan : autres modifications ({fields})", "en": "Plan: other edits ({fields})"},
    "review.line.objective.statement": {"fr": "Objectif : {before} → {after}", "en": "Objective: {before} → {after}"},
    "review.line.objective.deadline": {"fr": "Échéance de l'objectif : {before} → {after}{days}",
                                       "en": "Objective's deadline: {before} → {after}{days}"},
    "review.line.objective.start": {"fr": "Début de l'objectif : {before} → {after}{days}",
                                    "en": "Objective's start: {before} → {after}{days}"},
    "review.line.objective.edited": {"fr": "Objectif : autres modifications ({fields})",
                                     "en": "Objective: other edits ({fields})"},
    "review.line.action.added": {"fr": "Action ajoutée : {name}", "en": "Action added: {name}"},
    "review.line.action.removed": {"fr": "Action supprimée : {name}", "en": "Action removed: {name}"},
    "review.line.action.title": {"fr": "Action renommée : {before} → {after}",
                                 "en": "Action renamed: {before} → {after}"},
    "review.line.action.start": {"fr": "Lancement de l'action {name} : {before} → {after}{days}",
                                 "en": "Start of the action {name}: {before} → {after}{days}"},
    "review.line.action.due": {"fr": "Date limite de l'action {name} : {before} → {after}{days}",
                               "en": "Deadline of the action {name}: {before} → {after}{days}"},
    "review.line.action.budget": {"fr": "Budget de l'action {name} : {before} → {after}",
                                  "en": "Budget of the action {name}: {before} → {after}"},
    "review.line.action.edited": {"fr": "Action {name} : autres modifications ({fields})",
                                  "en": "Action {name}: other edits ({fields})"},
    "review.line.task.added": {"fr": "Tâche ajoutée à {parent} : {name}", "en": "Task added to {parent}: {name}"},
    "review.line.task.removed": {"fr": "Tâche supprimée de {parent} : {name}",
                                 "en": "Task removed from {parent}: {name}"},
    "review.line.task.status": {"fr": "Tâche {name} ({parent}) : {before} → {after}",
                                "en": "Task {name} ({parent}): {before} → {after}"},
    "review.line.task.due": {"fr": "Date limite de la tâche {name} ({parent}) : {before} → {after}{days}",
                             "en": "Deadline of the task {name} ({parent}): {before} → {after}{days}"},
    "review.line.task.budget": {"fr": "Budget de la tâche {name} ({parent}) : {before} → {after}",
                                "en": "Budget of the task {name} ({parent}): {before} → {after}"},
    "review.line.task.edited": {"fr": "Tâche {name} ({parent}) : autres modifications ({fields})",
                                "en": "Task {name} ({parent}): other edits ({fields})"},
    "review.line.indicator.added": {"fr": "Indicateur ajouté : {name}", "en": "Indicator added: {name}"},
    "review.line.indicator.removed": {"fr": "Indicateur supprimé : {name}", "en": "Indicator removed: {name}"},
    "review.line.indicator.target": {"fr": "Cible de l'indicateur {name} : {before} → {after}",
                                     "en": "Target of the indicator {name}: {before} → {after}"},
    "review.line.indicator.edited": {"fr": "Indicateur {name} : autres modifications ({fields})",
                                     "en": "Indicator {name}: other edits ({fields})"},
    "review.line.measurement.added": {"fr": "Mesures ajoutées à {name} : {measurements} ; progression : {before} → {after}",
                                      "en": "Measurements added to {name}: {measurements}; progress: {before} → {after}"},
    "review.line.measurement.added.1": {"fr": "Mesure ajoutée à {name} : {measurements} ; progression : {before} → {after}",
                                        "en": "Measurement added to {name}: {measurements}; progress: {before} → {after}"},
    "review.line.measurement.removed": {"fr": "Mesures retirées de {name} : {measurements}",
                                        "en": "Measurements removed from {name}: {measurements}"},
    "review.line.measurement.removed.1": {"fr": "Mesure retirée de {name} : {measurements}",
                                          "en": "Measurement removed from {name}: {measurements}"},
    "review.line.measurement.changed": {"fr": "Mesure de {name} du {when} corrigée : {before} → {after}",
                                        "en": "Measurement of {name} on {when} corrected: {before} → {after}"},
    "review.line.ritual.added": {"fr": "Rituel ajouté : {name}", "en": "Ritual added: {name}"},
    "review.line.ritual.removed": {"fr": "Rituel supprimé : {name}", "en": "Ritual removed: {name}"},
    "review.line.ritual.edited": {"fr": "Rituel {name} : modifié ({fields})", "en": "Ritual {name}: edited ({fields})"},
    "review.line.obstacle.added": {"fr": "Frein ajouté : {name}", "en": "Obstacle added: {name}"},
    "review.line.obstacle.removed": {"fr": "Frein supprimé : {name}", "en": "Obstacle removed: {name}"},
    "review.line.obstacle.edited": {"fr": "Frein {name} : modifié ({fields})",
                                    "en": "Obstacle {name}: edited ({fields})"},
    "review.line.team.added": {"fr": "Équipe : {name} ajouté·e", "en": "Team: {name} added"},
    "review.line.team.removed": {"fr": "Équipe : {name} retiré·e", "en": "Team: {name} removed"},
    "review.line.team.cost": {"fr": "Coût de {name} (équipe) : {before} → {after}",
                              "en": "Cost of {name} (team): {before} → {after}"},
    "review.line.team.edited": {"fr": "Équipe : {name} modifié·e ({fields})", "en": "Team: {name} edited ({fields})"},
    "review.line.review.added": {"fr": "Nouvelle revue du {when} : {after}", "en": "New review of {when}: {after}"},
    "review.line.review.removed": {"fr": "Revue du {when} supprimée", "en": "Review of {when} removed"},
    "review.line.review.verdict": {"fr": "Revue du {when} : {before} → {after}", "en": "Review of {when}: {before} → {after}"},
    "review.line.review.edited": {"fr": "Revue du {when} : modifiée ({fields})", "en": "Review of {when}: edited ({fields})"},
    "review.line.decision.added": {"fr": "Décision (revue du {when}) : {name}", "en": "Decision (review of {when}): {name}"},
    "review.line.decision.added.due": {"fr": "Décision (revue du {when}) : {name}, avant le {after}",
                                       "en": "Decision (review of {when}): {name}, by {after}"},
    "review.line.decision.added.action": {"fr": "Décision (revue du {when}) : {name} → action {parent}",
                                          "en": "Decision (review of {when}): {name} → action {parent}"},
    "review.line.decision.added.action.due": {"fr": "Décision (revue du {when}) : {name} → action {parent}, avant le {after}",
                                              "en": "Decision (review of {when}): {name} → action {parent}, by {after}"},
    "review.line.decision.removed": {"fr": "Décision retirée (revue du {when}) : {name}",
                                     "en": "Decision removed (review of {when}): {name}"},
    "review.line.decision.removed.due": {"fr": "Décision retirée (revue du {when}) : {name}",
                                         "en": "Decision removed (review of {when}): {name}"},
    "review.line.decision.removed.action": {"fr": "Décision retirée (revue du {when}) : {name} → action {parent}",
                                            "en": "Decision removed (review of {when}): {name} → action {parent}"},
    "review.line.decision.removed.action.due": {"fr": "Décision retirée (revue du {when}) : {name} → action {parent}",
                                                "en": "Decision removed (review of {when}): {name} → action {parent}"},
    "review.line.indicator.overdue": {"fr": "⚠ Relevé en retard : {name}, attendu le {after}",
                                      "en": "⚠ Measurement overdue: {name}, due on {after}"},
    # The review's figures and texts (issue 21 §5): indicator statuses, late tasks, free texts, a new plan's outline.
    "review.line.indicator.status": {"fr": "Statut de l'indicateur {name} : {before} → {after}",
                                     "en": "Status of the indicator {name}: {before} → {after}"},
    "review.line.indicator.caught_up": {"fr": "Relevé rattrapé : {name} (il était attendu le {before})",
                                        "en": "Measurement caught up: {name} (it was due on {before})"},
    "review.count.indicators_status": {"fr": "{n} indicateur change de statut", "en": "{n} indicator changes status"},
    "review.count.indicators_status.n": {"fr": "{n} indicateurs changent de statut",
                                         "en": "{n} indicators change status"},
    "review.count.measurements_caught_up": {"fr": "{n} relevé rattrapé", "en": "{n} measurement caught up"},
    "review.count.measurements_caught_up.n": {"fr": "{n} relevés rattrapés", "en": "{n} measurements caught up"},
    "review.count.texts_edited": {"fr": "{n} texte modifié", "en": "{n} text edited"},
    "review.count.texts_edited.n": {"fr": "{n} textes modifiés", "en": "{n} texts edited"},
    "review.figure.tasks.late": {"fr": "tâches en retard : {before} → {after}", "en": "late tasks: {before} → {after}"},
    "review.line.tasks.late": {"fr": "Tâches en retard : {before} → {after}", "en": "Late tasks: {before} → {after}"},
    "review.text.task.comments": {"fr": "Commentaires de la tâche {name} ({parent})",
                                  "en": "Comments of the task {name} ({parent})"},
    "review.text.task.result": {"fr": "Résultat de la tâche {name} ({parent})", "en": "Result of the task {name} ({parent})"},
    "review.text.review.findings": {"fr": "Constat de la revue du {when}", "en": "Findings of the review of {when}"},
    "review.text.plan.notes": {"fr": "Notes du plan", "en": "Notes of the plan"},
    "review.text.plan.strategy": {"fr": "Stratégie du plan", "en": "Strategy of the plan"},
    "review.text.line.changed": {"fr": "{what} : {after} (avant : {before})", "en": "{what}: {after} (before: {before})"},
    "review.text.line.added": {"fr": "{what}, nouveau texte : {after}", "en": "{what}, new text: {after}"},
    "review.text.line.removed": {"fr": "{what} : texte retiré (avant : {before})",
                                 "en": "{what}: text removed (before: {before})"},
    "review.outline.objective": {"fr": "Objectif : {objective}, du {start} au {deadline}",
                                 "en": "Objective: {objective}, from {start} to {deadline}"},
    "review.outline.contents": {"fr": "Contenu", "en": "Contents"},
    "review.outline.actions": {"fr": "{n} action", "en": "{n} action"},
    "review.outline.actions.n": {"fr": "{n} actions", "en": "{n} actions"},
    "review.outline.tasks": {"fr": "{n} tâche", "en": "{n} task"},
    "review.outline.tasks.n": {"fr": "{n} tâches", "en": "{n} tasks"},
    "review.outline.tasks_late": {"fr": "{tasks} (dont {n} en retard)", "en": "{tasks} ({n} late)"},
    "review.outline.indicators": {"fr": "{n} indicateur", "en": "{n} indicator"},
    "review.outline.indicators.n": {"fr": "{n} indicateurs", "en": "{n} indicators"},
    "review.outline.rituals": {"fr": "{n} rituel", "en": "{n} ritual"},
    "review.outline.rituals.n": {"fr": "{n} rituels", "en": "{n} rituals"},
    "review.outline.obstacles": {"fr": "{n} frein", "en": "{n} obstacle"},
    "review.outline.obstacles.n": {"fr": "{n} freins", "en": "{n} obstacles"},
    "review.outline.team": {"fr": "{n} personne dans l'équipe", "en": "{n} team member"},
    "review.outline.team.n": {"fr": "{n} personnes dans l'équipe", "en": "{n} team members"},
    "review.outline.reviews": {"fr": "{n} revue de suivi", "en": "{n} review in the log"},
    "review.outline.reviews.n": {"fr": "{n} revues de suivi", "en": "{n} reviews in the log"},
    "review.outline.budget": {"fr": "Budget des actions", "en": "Budget of the actions"},
    "review.outline.problems": {"fr": "Validation", "en": "Validation"},
    "review.outline.errors": {"fr": "{n} erreur", "en": "{n} error"},
    "review.outline.errors.n": {"fr": "{n} erreurs", "en": "{n} errors"},
    "review.outline.warnings": {"fr": "{n} avertissement", "en": "{n} warning"},
    "review.outline.warnings.n": {"fr": "{n} avertissements", "en": "{n} warnings"},
    "review.outline.no_problem": {"fr": "aucune erreur, aucun avertissement", "en": "no error, no warning"},
    "review.verdict.coherent": {"fr": "résultats cohérents", "en": "results on track"},
    "review.verdict.non_coherent": {"fr": "résultats non cohérents", "en": "results off track"},
    "review.verdict.none": {"fr": "cohérence non précisée", "en": "on track: not said"},
    "review.count.reviews_added": {"fr": "{n} revue ajoutée", "en": "{n} review added"},
    "review.count.reviews_added.n": {"fr": "{n} revues ajoutées", "en": "{n} reviews added"},
    "review.count.decisions_added": {"fr": "{n} décision", "en": "{n} decision"},
    "review.count.decisions_added.n": {"fr": "{n} décisions", "en": "{n} decisions"},
    "review.count.measurements_overdue": {"fr": "{n} relevé en retard", "en": "{n} measurement overdue"},
    "review.count.measurements_overdue.n": {"fr": "{n} relevés en retard", "en": "{n} measurements overdue"},
    "review.title": {"fr": "Relecture des plans", "en": "Review of the plans"},
    "review.working_tree": {"fr": "arbre de travail", "en": "working tree"},
    "review.today": {"fr": "Date de référence", "en": "Reference date"},
    "review.no_change": {"fr": "Aucun plan modifié.", "en": "No plan changed."},
    "review.unchanged": {"fr": "{n} plan sans changement.", "en": "{n} plan without change."},
    "review.unchanged.n": {"fr": "{n} plans sans changement.", "en": "{n} plans without change."},
    "review.nothing": {"fr": "aucun changement", "en": "no change"},
    "review.none": {"fr": "—", "en": "—"},
    "review.on": {"fr": "{value} le {date}", "en": "{value} on {date}"},
    "review.introduced": {"fr": "Problèmes introduits", "en": "Problems introduced"},
    "review.fixed": {"fr": "Problèmes corrigés", "en": "Problems fixed"},
    "review.remaining": {"fr": "Erreurs déjà présentes", "en": "Errors already there"},
    "review.invalid": {"fr": "Le plan contient des erreurs : la comparaison ne porte que sur ce qui a pu être lu.",
                       "en": "The plan has errors: only what could be read is compared."},
    "review.error": {"fr": "erreur", "en": "error"},
    "review.warning": {"fr": "avertissement", "en": "warning"},
    "review.days": {"fr": "j", "en": "d"},
    "review.summary.title": {"fr": "Validation des plans", "en": "Plan validation"},
    # Issue 21: the pull request's summary puts the changed plans first; the trainer decides about warnings.
    "review.summary.changed": {"fr": "Plans modifiés par cette pull request",
                               "en": "Plans changed by this pull request"},
    "review.summary.changed_counts": {"fr": "Erreurs : {errors}. Avertissements : {warnings}.",
                                      "en": "Errors: {errors}. Warnings: {warnings}."},
    "review.summary.who_decides": {
        "fr": "Une erreur fait échouer cette vérification : le plan ne serait pas publié. Un avertissement ne bloque "
              "ni la vérification ni la publication : c'est une question de la méthode. Lis-le et décide : "
              "accepter la pull request telle quelle, ou demander une correction.",
        "en": "An error fails this check: the plan would not be published. A warning blocks neither the check nor "
              "the publication: it is a question the method asks. Read it and decide: accept the pull request as "
              "it is, or ask for a fix."},
    "review.summary.others": {"fr": "Autres plans", "en": "Other plans"},
    "review.summary.others_help": {
        "fr": "Déjà sur la branche de base : ils ne font pas échouer cette vérification. Un plan qui a des erreurs "
              "reste hors du site publié jusqu'à sa correction.",
        "en": "Already on the base branch: they do not fail this check. A plan with errors stays out of the "
              "published site until it is fixed."},
    "review.summary.file": {"fr": "Fichier", "en": "File"},
    "review.summary.line": {"fr": "Ligne", "en": "Line"},
    "review.summary.column": {"fr": "Col.", "en": "Col."},
    "review.summary.severity": {"fr": "Gravité", "en": "Severity"},
    "review.summary.code": {"fr": "Code", "en": "Code"},
    "review.summary.message": {"fr": "Message", "en": "Message"},
    "review.git.no_git": {"fr": "la commande git est introuvable : installe git pour comparer des révisions.",
                          "en": "the git command is not available: install git to compare revisions."},
    "review.git.not_repo": {"fr": "ce dossier n'est pas dans un dépôt git.",
                            "en": "this folder is not inside a git repository."},
    "review.git.unknown": {"fr": "la révision « {rev} » est inconnue de ce dépôt (branche, étiquette ou commit ?). Dans GitHub Actions, récupère tout l'historique (fetch-depth: 0).",
                           "en": "the revision “{rev}” is unknown to this repository (branch, tag or commit?). In GitHub Actions, fetch the whole history (fetch-depth: 0)."},
    "review.git.failed": {"fr": "git n'a pas pu lire « {rev} » : {detail}",
                          "en": "git could not read “{rev}”: {detail}"},
}
MESSAGES.update(REVIEW_TEXT)

NEW_TEXT: dict[str, dict[str, str]] = {
    "new.intro": {"fr": "Nouveau plan d'action commercial : {path}\n1 plan = 1 objectif. Réponds aux questions, une réponse par ligne ; Entrée garde la valeur entre crochets.",
                  "en": "New commercial action plan: {path}\n1 plan = 1 objective. Answer the questions, one answer per line; Enter keeps the value in brackets."},
    "new.author": {"fr": "Ton nom (facultatif)", "en": "Your name (optional)"},
    "new.strategy": {"fr": "La stratégie commerciale que ce plan sert, en une phrase (facultatif)",
                     "en": "The commercial strategy this plan serves, in one sentence (optional)"},
    "new.statement": {"fr": "Ton objectif, mesurable (ex. Augmenter le CA en ligne de 30 %)",
                      "en": "Your objective, measurable (e.g. Increase online turnover by 30%)"},
    "new.deadline": {"fr": "Échéance de l'objectif (JJ/MM/AAAA ou AAAA-MM-JJ)",
                     "en": "Deadline of the objective (YYYY-MM-DD or DD/MM/YYYY)"},
    "new.deadline_past": {"fr": "L'échéance doit venir après le début du plan ({start}).",
                          "en": "The deadline must come after the plan's start ({start})."},
    "new.stage": {"fr": "Phase, pour la loi des nombres (×3 en démarrage, ×2 en développement) : {choices}",
                  "en": "Stage, for the law of numbers (×3 at start-up, ×2 in growth): {choices}"},
    "new.actions": {"fr": "Tes actions, avec leurs tâches (intitulé vide quand tu as fini).",
                    "en": "Your actions, with their tasks (empty title when you are done)."},
    "new.action_title": {"fr": "Action {n} : intitulé", "en": "Action {n}: title"},
    "new.action_kind": {"fr": "  type : {choices}", "en": "  kind: {choices}"},
    "new.action_term": {"fr": "  horizon : {choices}", "en": "  term: {choices}"},
    "new.action_due": {"fr": "  date limite de l'action", "en": "  deadline of the action"},
    "new.action_due_outside": {"fr": "La date limite de l'action se place après le début du plan ({start}) et au plus tard à l'échéance ({deadline}).",
                               "en": "The action's deadline comes after the plan's start ({start}) and by its deadline ({deadline}) at the latest."},
    "new.action_budget": {"fr": "  budget de l'action en euros (Entrée : pas de budget)",
                          "en": "  budget of the action in euros (Enter: no budget)"},
    "new.law": {"fr": "  loi des nombres : combien de résultats vises-tu ? (Entrée : garder l'exemple « {example} »)",
                "en": "  law of numbers: how many results do you want? (Enter: keep the example “{example}”)"},
    "new.law_example": {"fr": "{target} {unit} pour {volume} tentatives", "en": "{target} {unit} for {volume} attempts"},
    "new.date_pattern": {"fr": "%d/%m/%Y", "en": "%Y-%m-%d"},
    "new.required": {"fr": "Il faut une réponse ici.", "en": "An answer is needed here."},
    "new.law_unit": {"fr": "  ce que tu comptes (rendez-vous, ventes, devis…)", "en": "  what you count (appointments, sales, quotes…)"},
    "new.law_volume": {"fr": "  combien de tentatives prévois-tu (appels, SMS, visites…)", "en": "  how many attempts do you plan (calls, texts, visits…)"},
    "new.law_too_few": {"fr": "La loi des nombres demande au moins {needed} tentatives pour {target} résultats (×{multiplier} en {stage}) : prévois-en au moins {needed}.",
                        "en": "The law of numbers asks for at least {needed} attempts for {target} results (×{multiplier} in {stage}): plan at least {needed}."},
    "new.task": {"fr": "  tâche {n} de l'action (Entrée sans rien : {done})", "en": "  task {n} of the action (Enter alone: {done})"},
    "new.task_none": {"fr": "garder la tâche d'exemple", "en": "keep the example task"},
    "new.task_done": {"fr": "fini pour cette action", "en": "done with this action"},
    "new.task_due": {"fr": "    date limite de la tâche", "en": "    deadline of the task"},
    "new.task_due_outside": {"fr": "La tâche se termine après le début du plan ({start}) et au plus tard à la date limite de son action ({due}).",
                             "en": "The task ends after the plan's start ({start}) and by its action's deadline ({due}) at the latest."},
    "new.task_budget": {"fr": "    budget de la tâche en euros (Entrée : pas de budget)", "en": "    budget of the task in euros (Enter: no budget)"},
    "new.task_over_budget": {"fr": "Avec cette tâche, les budgets des tâches feraient {total}, plus que le budget de l'action ({budget}).",
                             "en": "With this task, the tasks' budgets would add up to {total}, more than the action's budget ({budget})."},
    "new.one_action": {"fr": "Il faut au moins une action : donne son intitulé.", "en": "At least one action is needed: give its title."},
    "new.result": {"fr": "Indicateur de résultat (dit si l'objectif est atteint)",
                   "en": "Result indicator (says whether the objective is reached)"},
    "new.tracking": {"fr": "Indicateur de suivi (pilote les actions en cours de route)",
                     "en": "Tracking indicator (steers the actions along the way)"},
    "new.ind_name": {"fr": "  ce qui est mesuré", "en": "  what is measured"},
    "new.ind_unit": {"fr": "  unité (€, clients, visites…)", "en": "  unit (€, customers, visits…)"},
    "new.ind_initial": {"fr": "  valeur initiale, en {unit} (avant le plan)", "en": "  initial value, in {unit} (before the plan)"},
    "new.ind_target": {"fr": "  valeur cible, en {unit} (à l'échéance)", "en": "  target value, in {unit} (by the deadline)"},
    "new.ind_initial_plain": {"fr": "  valeur initiale (avant le plan)", "en": "  initial value (before the plan)"},
    "new.ind_target_plain": {"fr": "  valeur cible (à l'échéance)", "en": "  target value (by the deadline)"},
    "new.ind_same": {"fr": "La valeur cible est celle du départ ({value}) : il n'y aurait rien à atteindre. Donne la valeur visée à l'échéance.",
                     "en": "The target is the starting value ({value}): there would be nothing to reach. Give the value you aim for by the deadline."},
    "new.ind_source": {"fr": "  outil de mesure (CRM, Excel, Instagram…)", "en": "  source (CRM, Excel, Instagram…)"},
    "new.ind_rhythm": {"fr": "  périodicité du relevé : {choices}", "en": "  how often it is measured: {choices}"},
    "new.ritual": {"fr": "Rituel hebdomadaire (une action récurrente dans l'agenda)",
                   "en": "Weekly ritual (a recurring action in the agenda)"},
    "new.ritual_text": {"fr": "  ce que tu fais chaque semaine", "en": "  what you do each week"},
    "new.ritual_day": {"fr": "  jour : {choices}", "en": "  day: {choices}"},
    "new.ritual_moment": {"fr": "  moment : {choices}", "en": "  time of day: {choices}"},
    "new.ritual_span": {"fr": "  pendant (ex. 3 mois, 12 semaines)", "en": "  for (e.g. 3 months, 12 weeks)"},
    "new.steering": {"fr": "Piloter le plan : faire le point sur les indicateurs à dates fixes.",
                     "en": "Steering the plan: review the indicators at set dates."},
    "new.first_review": {"fr": "  date de la première revue (elle revient ensuite chaque mois dans l'agenda)",
                         "en": "  date of the first review (it then comes back every month in the agenda)"},
    "new.review_outside": {"fr": "La première revue se place après le début du plan ({start}) et au plus tard à l'échéance ({deadline}).",
                           "en": "The first review comes after the plan's start ({start}) and by its deadline ({deadline}) at the latest."},
    "new.motivation": {"fr": "Ton engagement (la méthode commence par là).",
                       "en": "Your commitment (the method starts there)."},
    "new.motivation_level": {"fr": "  motivation de 0 à 10", "en": "  motivation from 0 to 10"},
    "new.motivation_booster": {"fr": "  qu'est-ce qui l'augmenterait ? (facultatif)", "en": "  what would raise it? (optional)"},
    "new.motivation_group": {"fr": "  en groupe ? (oui/non)", "en": "  in a group? (yes/no)"},
    "new.motivation_hours": {"fr": "  heures mises de côté pour le plan", "en": "  hours set aside for the plan"},
    "new.obstacles": {"fr": "Un frein : ce qui pourrait t'empêcher d'agir.", "en": "An obstacle: what could stop you from acting."},
    "new.obstacle": {"fr": "  le frein (Entrée : garder l'exemple « {example} »)",
                     "en": "  the obstacle (Enter: keep the example “{example}”)"},
    "new.obstacle_mine": {"fr": "  dépend-il de toi ? (oui/non)", "en": "  is it within your control? (yes/no)"},
    "new.obstacle_cause": {"fr": "  sa cause (facultatif)", "en": "  its cause (optional)"},
    "new.obstacle_solution": {"fr": "  une solution, même partielle", "en": "  a solution, even a partial one"},
    "new.yes": {"fr": "oui", "en": "yes"},
    "new.no": {"fr": "non", "en": "no"},
    "new.or": {"fr": " ou ", "en": " or "},
    "new.choice_refused": {"fr": "« {value} » n'est pas une réponse possible. Réponds par : {choices}.",
                           "en": "“{value}” is not one of the answers. Answer with: {choices}."},
    "new.choice_close": {"fr": "« {value} » n'est pas une réponse possible : voulais-tu dire « {close} » ? Réponds par : {choices}.",
                         "en": "“{value}” is not one of the answers: did you mean “{close}”? Answer with: {choices}."},
    "new.comment.reviews": {"fr": "# Le journal de suivi : à chaque revue (la première le {date}, voir le rituel « Revue du plan »),\n# note ce que montrent les indicateurs, puis garde ce qui marche ou décide ce qui change :\n#  - date: {date}\n#    constat: Ce que montrent les indicateurs.\n#    indicateurs: [id-de-l-indicateur]\n#    coherent: oui\n#    bonnes_pratiques: [Ce qui marche et que je garde]\n#    decisions:\n#      - decision: Ce que je change\n#        action: id-de-l-action\n#        echeance: {date}",
                            "en": "# The follow-up log (keys in French, English aliases accepted): at each review (the first on {date},\n# see the ritual “Plan review”), write what the indicators show, then keep what works or decide what changes:\n#  - date: {date}\n#    findings: What the indicators show.\n#    indicators: [indicator-id]\n#    on_track: yes\n#    good_practices: [What works and is kept]\n#    decisions:\n#      - decision: What changes\n#        action: action-id\n#        due: {date}"},
    "new.comment.motivation": {"fr": "# Ton engagement : motivation de 0 à 10, ce qui l'augmenterait, en groupe ou non, heures prévues.",
                               "en": "# Your commitment: motivation from 0 to 10, what would raise it, in a group or not, hours set aside."},
    "new.not_a_plan_name": {"fr": "pac-gen new : {path} ne serait pas lu comme un plan : son nom doit finir par .yaml "
                                  "(ou .yml). Par exemple : plans/camille/boutique.yaml",
                            "en": "pac-gen new: {path} would not be read as a plan: its name must end in .yaml (or .yml). "
                                  "For example: plans/camille/boutique.yaml"},
    "new.exists": {"fr": "pac-gen new : {path} existe déjà ; il n'est pas modifié. Choisis un autre nom.",
                   "en": "pac-gen new: {path} already exists; it is left untouched. Choose another name."},
    "new.cannot_write": {"fr": "pac-gen new : impossible de créer {path} : son dossier n'existe pas et ne peut pas être créé (un fichier porte-t-il déjà ce nom ?) ou n'est pas accessible. Rien n'est écrit.",
                         "en": "pac-gen new: cannot create {path}: its folder does not exist and cannot be created (is there a file of that name?) or cannot be written to. Nothing written."},
    "new.aborted": {"fr": "pac-gen new : abandon, aucun fichier écrit.",
                    "en": "pac-gen new: aborted, no file written."},
    "new.ran_out": {"fr": "pac-gen new : les réponses se sont arrêtées avant la fin, à la question « {question} » ; aucun fichier écrit.\nDonne une réponse par ligne (une ligne vide garde la valeur proposée), ou écris un modèle à compléter avec « pac-gen new {path} --yes ».",
                    "en": "pac-gen new: the answers stopped before the end, at the question “{question}”; no file written.\nGive one answer per line (an empty line keeps the value offered), or write a template to fill in with “pac-gen new {path} --yes”."},
    "new.invalid": {"fr": "pac-gen new : le plan produit n'est pas valide (bogue de pac-gen), rien n'est écrit :",
                    "en": "pac-gen new: the plan produced is not valid (a pac-gen bug), nothing written:"},
    "new.written": {"fr": "J'ai écrit ton plan dans {path}.", "en": "Your plan is written in {path}."},
    "new.examples_left": {"fr": "Encore du contenu d'exemple, que tu n'as pas tapé : remplace-le par le tien (pac-gen validate le signale, W1207) :",
                          "en": "Example content you did not type is still there: replace it with your own (pac-gen validate flags it, W1207):"},
    "new.example_line": {"fr": "  ligne {line} : {value}", "en": "  line {line}: {value}"},
    "new.no_examples": {"fr": "Tout le contenu du plan vient de tes réponses.", "en": "Everything in the plan comes from your answers."},
    "new.warnings": {"fr": "Questions de la méthode à revoir dans ce plan :",
                     "en": "Questions of the method to review in this plan:"},
    "new.next": {"fr": "Étape suivante : complète-le, puis vérifie-le avec « pac-gen validate {path} ».",
                 "en": "Next: complete it, then check it with “pac-gen validate {path}”."},
    "new.comment.head": {"fr": "# Plan d'action commercial (format pac_gen v1.1). 1 plan = 1 objectif.\n# Vérifie-le avec : pac-gen validate {path}\n# Les clés sont en français ; chaque clé a aussi un alias anglais (voir le guide).",
                         "en": "# Commercial action plan (pac_gen format v1.1). 1 plan = 1 objective.\n# Check it with: pac-gen validate {path}\n# Keys are French (canonical); every key also has an English alias (see the guide)."},
    "new.comment.strategy": {"fr": "# Rappel de la stratégie commerciale que ce plan sert (Markdown possible).",
                             "en": "# Reminder of the commercial strategy this plan serves (Markdown allowed)."},
    "new.comment.objective": {"fr": "# L'objectif : mesurable, avec une échéance. Phase « demarrage » ou « developpement » :\n# elle règle la loi des nombres (×3 en démarrage, ×2 en développement).",
                              "en": "# The objective: measurable, with a deadline. Stage “demarrage” (startup) or\n# “developpement” (growth) drives the law of numbers (×3 at start-up, ×2 in growth)."},
    "new.comment.actions": {"fr": "# Les actions, de trois types, car elles n'agissent pas au même moment du parcours client :\n#  - prospection : aller chercher de nouveaux clients (appels, salons, démarchage) ;\n#  - communication : se faire connaître et donner envie (réseaux, site, presse) ;\n#  - fidelisation : faire revenir et recommander les clients actuels (newsletter, offres).\n# Horizon : court, moyen ou long terme. Chaque action a ses moyens, son budget et ses tâches.",
                            "en": "# The actions, of three kinds, because they act at different moments of the customer journey:\n#  - prospection (prospecting): find new customers (calls, fairs, canvassing);\n#  - communication: get known and make people want to buy (social networks, site, press);\n#  - fidelisation (retention): bring current customers back and make them recommend you.\n# Horizon (term): court, moyen or long. Each action has its means, budget and tasks."},
    "new.comment.law": {"fr": "# Loi des nombres : pour 1 résultat, prévoir 3 tentatives en démarrage (2 en développement).",
                        "en": "# Law of numbers: for 1 result, plan 3 attempts at start-up (2 in growth)."},
    "new.comment.rituals": {"fr": "# Les rituels : des actions récurrentes placées dans l'agenda (ici chaque semaine).",
                            "en": "# Rituals: recurring actions placed in the agenda (here every week)."},
    "new.comment.indicators": {"fr": "# Les indicateurs, avec valeur initiale (avant le plan) et valeur cible (à l'échéance) :\n#  - resultat : dit si l'objectif est atteint (chiffre d'affaires, nombre de clients) ;\n#  - suivi : pilote les actions en cours de route (contacts, visites, devis envoyés).\n# Ajoute les mesures au fil du plan, par exemple :\n#    mesures:\n#      {example}: 12",
                               "en": "# Indicators, with an initial value (before the plan) and a target (by the deadline):\n#  - resultat (result): says whether the objective is reached (turnover, customers);\n#  - suivi (tracking): steers the actions along the way (contacts, visits, quotes sent).\n# Add measurements as the plan runs, for example:\n#    mesures:\n#      {example}: 12"},
    "new.comment.obstacles": {"fr": "# Les freins : ce qui pourrait empêcher les actions. Dépend-il de moi ? Quelles solutions ?",
                              "en": "# Obstacles: what could prevent the actions. Is it within my control? Which solutions?"},
    "new.comment.more": {"fr": "# Pour aller plus loin (voir le guide) : bilan (actions déjà menées), equipe,\n# semaine_ideale (les blocs moi / famille / social / entreprise) et notes.",
                         "en": "# To go further (see the guide): bilan (past actions), equipe (team),\n# semaine_ideale (ideal week: me / family / social / business blocks) and notes."},
    # The moments of a day as the interview offers them (the other lists have their words above).
    "word.matin": {"fr": "matin", "en": "morning"},
    "word.apres_midi": {"fr": "après-midi", "en": "afternoon"},
    "word.soir": {"fr": "soir", "en": "evening"},
    # The sample answers of a plan written with --yes
    "new.example.strategy": {"fr": "Rappel de ma stratégie commerciale : cible, positionnement, canaux.",
                             "en": "Reminder of my commercial strategy: target, positioning, channels."},
    "new.example.statement": {"fr": "Augmenter mon chiffre d'affaires de 20 %", "en": "Increase my turnover by 20%"},
    "new.example.action_1": {"fr": "Contacter des prospects par téléphone", "en": "Call prospects"},
    "new.example.action_2": {"fr": "Publier chaque semaine sur les réseaux sociaux",
                             "en": "Post every week on social networks"},
    "new.example.action_3": {"fr": "Lancer une newsletter pour les clients", "en": "Start a newsletter for customers"},
    "new.example.result": {"fr": "Chiffre d'affaires du mois", "en": "Monthly turnover"},
    "new.example.result_source": {"fr": "Tableau Excel", "en": "Excel sheet"},
    "new.example.tracking": {"fr": "Prospects contactés par mois", "en": "Prospects contacted per month"},
    "new.example.ritual": {"fr": "Revue de la semaine : CA, contacts, mise à jour du CRM",
                           "en": "Weekly review: turnover, contacts, CRM update"},
    "new.example.ritual_span": {"fr": "3 mois", "en": "3 months"},
    "new.example.booster": {"fr": "Faire le point avec un binôme de la formation", "en": "Check in with a partner from the course"},
    "new.example.review_ritual": {"fr": "Revue du plan : analyser les indicateurs, garder ou changer",
                                  "en": "Plan review: analyse the indicators, keep or change"},
    "new.example.task": {"fr": "Préparer la première étape", "en": "Prepare the first step"},
    "new.example.unit": {"fr": "rendez-vous", "en": "appointments"},
    "new.example.obstacle": {"fr": "Manque de temps pour prospecter", "en": "Not enough time to prospect"},
    "new.example.cause": {"fr": "Le travail de production passe toujours en premier",
                          "en": "Production work always comes first"},
    "new.example.solution": {"fr": "Bloquer deux demi-journées de prospection dans l'agenda",
                             "en": "Block two half days of prospecting in the agenda"},
}
MESSAGES.update(NEW_TEXT)

# The plan page's "Pilotage" section, the overview's column and the review report (v1.1).
STEER_TEXT: dict[str, dict[str, str]] = {
    "steer.title": {"fr": "Pilotage", "en": "Steering"},
    "steer.intro": {"fr": "Mesurer les indicateurs à leur rythme, faire le point aux dates prévues, puis garder ce qui marche ou décider ce qui change.",
                    "en": "Measure the indicators at their rhythm, review at the set dates, then keep what works or decide what changes."},
    "steer.motivation": {"fr": "Motivation", "en": "Motivation"},
    "steer.level": {"fr": "Niveau", "en": "Level"},
    "steer.level_value": {"fr": "{level} / 10", "en": "{level} / 10"},
    "steer.boosters": {"fr": "Ce qui l'augmenterait", "en": "What would raise it"},
    "steer.in_group": {"fr": "Organisation", "en": "Working"},
    "steer.group": {"fr": "en groupe", "en": "in a group"},
    "steer.alone": {"fr": "seul·e", "en": "alone"},
    "steer.hours": {"fr": "Temps prévu", "en": "Time set aside"},
    "steer.hours_value": {"fr": "{hours} h", "en": "{hours} h"},
    "steer.rhythms": {"fr": "Rythme des relevés", "en": "Measurement rhythm"},
    "steer.indicator": {"fr": "Indicateur", "en": "Indicator"},
    "steer.rhythm": {"fr": "Périodicité", "en": "Rhythm"},
    "steer.last": {"fr": "Dernière mesure", "en": "Last measurement"},
    "steer.next": {"fr": "Prochain relevé", "en": "Next measurement"},
    "steer.next_on": {"fr": "prochain relevé le {date}", "en": "next measurement on {date}"},
    "steer.overdue": {"fr": "Relevé en retard", "en": "Measurement overdue"},
    "steer.overdue_since": {"fr": "relevé en retard, attendu le {date}", "en": "measurement overdue, due on {date}"},
    "steer.none_due": {"fr": "plus de relevé prévu avant l'échéance", "en": "no measurement due before the deadline"},
    "steer.no_measurement": {"fr": "aucune", "en": "none"},
    "steer.reviews": {"fr": "Revues de suivi", "en": "Reviews"},
    "steer.no_review": {"fr": "Aucune revue pour l'instant : note la première sous « suivi: » dans le fichier du plan.",
                        "en": "No review yet: write the first one under “reviews:” in the plan file."},
    "steer.review_of": {"fr": "Revue du {date}", "en": "Review of {date}"},
    "steer.on_track": {"fr": "Résultats cohérents avec l'objectif", "en": "Results on track"},
    "steer.off_track": {"fr": "Résultats non cohérents avec l'objectif", "en": "Results off track"},
    "steer.unknown": {"fr": "Cohérence non précisée", "en": "On track: not said"},
    "steer.upcoming": {"fr": "datée après aujourd'hui : ne compte pas encore", "en": "dated after today: does not count yet"},
    "steer.findings": {"fr": "Constat", "en": "Findings"},
    "steer.looked_at": {"fr": "Indicateurs examinés", "en": "Indicators looked at"},
    "steer.all_indicators": {"fr": "tous", "en": "all"},
    "steer.good_practices": {"fr": "Bonnes pratiques à garder", "en": "Good practices to keep"},
    "steer.decisions": {"fr": "Décisions", "en": "Decisions"},
    "steer.due": {"fr": "avant le {date}", "en": "by {date}"},
    "steer.column": {"fr": "Pilotage", "en": "Steering"},
    "steer.last_review": {"fr": "Dernière revue : {date}", "en": "Last review: {date}"},
    "steer.no_review_short": {"fr": "Aucune revue", "en": "No review"},
    "steer.overdue_count": {"fr": "{n} relevé en retard", "en": "{n} measurement overdue"},
    "steer.overdue_count.n": {"fr": "{n} relevés en retard", "en": "{n} measurements overdue"},
    "steer.motivation_short": {"fr": "Motivation : {level}/10", "en": "Motivation: {level}/10"},
}
MESSAGES.update(STEER_TEXT)

EXPORT_TEXT: dict[str, dict[str, str]] = {
    "export.action": {"fr": "Action", "en": "Action"},
    "export.task": {"fr": "Tâche", "en": "Task"},
    "export.due": {"fr": "Date limite", "en": "Due"},
    "export.duration": {"fr": "Durée", "en": "Duration"},
    "export.owner": {"fr": "Responsable", "en": "Owner"},
    "export.means": {"fr": "Moyens", "en": "Means"},
    "export.budget": {"fr": "Budget", "en": "Budget"},
    "export.status": {"fr": "Statut", "en": "Status"},
    "export.done_on": {"fr": "Fait le", "en": "Done on"},
    "export.comments": {"fr": "Commentaires", "en": "Comments"},
    "export.result": {"fr": "Résultat", "en": "Result"},
}
MESSAGES.update(EXPORT_TEXT)

REFERENCE_TEXT: dict[str, dict[str, str]] = {
    "reference.key": {"fr": "Clé", "en": "Key"},
    "reference.alias": {"fr": "Alias anglais", "en": "English alias"},
    "reference.type": {"fr": "Type", "en": "Type"},
    "reference.required": {"fr": "Obligatoire", "en": "Required"},
    "reference.default": {"fr": "Défaut", "en": "Default"},
    "reference.description": {"fr": "Description", "en": "Description"},
    "reference.yes": {"fr": "**oui**", "en": "**yes**"},
    "reference.no": {"fr": "non", "en": "no"},
    "reference.list_of": {"fr": "liste de {item}", "en": "list of {item}"},
    "reference.mapping": {"fr": "ensemble de clés ([`{title}`](#{anchor}))",
                          "en": "set of keys ([`{title}`](#{anchor}))"},
    "reference.list_of_models": {"fr": "liste ([`{title}`](#{anchor}))", "en": "list ([`{title}`](#{anchor}))"},
    "reference.day": {"fr": "jour (`lundi`…`dimanche`)", "en": "day (`lundi`…`dimanche`, `monday`…`sunday`)"},
    "reference.text": {"fr": "texte", "en": "text"},
    "reference.markdown": {"fr": "texte Markdown", "en": "Markdown text"},
    "reference.slug": {"fr": "id (minuscules, chiffres, tirets)", "en": "id (lower case, digits, hyphens)"},
    "reference.currency": {"fr": "code ISO 4217", "en": "ISO 4217 code"},
    "reference.date": {"fr": "date (2026-06-15 ou 15/06/2026)", "en": "date (2026-06-15 or 15/06/2026)"},
    "reference.time": {"fr": "heure HH:MM", "en": "time HH:MM"},
    "reference.duration": {"fr": "durée (2h, 1h30, ½ journée, 1 jour…)", "en": "duration (2h, 1h30, half day, 1 day…)"},
    "reference.span": {"fr": "période (3 mois, 8 semaines…)", "en": "span (3 months, 8 weeks…)"},
    "reference.money": {"fr": "montant", "en": "amount"},
    "reference.number": {"fr": "nombre", "en": "number"},
    "reference.integer": {"fr": "nombre entier", "en": "whole number"},
    "reference.bool": {"fr": "oui / non", "en": "yes / no"},
    "reference.choice": {"fr": "un de : {words}", "en": "one of: {words}"},
    "reference.range": {"fr": " de {low} à {high}", "en": " from {low} to {high}"},
    "reference.min": {"fr": " ≥ {low}", "en": " ≥ {low}"},
    "reference.generated": {"fr": "Page générée par `python -m pac_gen.reference` à partir du modèle : ne la modifie pas à la main.",
                            "en": "Page generated by `python -m pac_gen.reference` from the model: do not edit it by hand."},
    "reference.top": {"fr": "Racine du plan", "en": "Top level of the plan"},
    "reference.codes.errors": {"fr": "## Erreurs", "en": "## Errors"},
    "reference.codes.warnings": {"fr": "## Avertissements", "en": "## Warnings"},
    "reference.codes.code": {"fr": "Code", "en": "Code"},
    "reference.codes.message": {"fr": "Message", "en": "Message"},
    "reference.codes.example": {"fr": "Exemple :", "en": "Example:"},
    "reference.codes.fix": {"fr": "Comment corriger :", "en": "How to fix it:"},
    "reference.format_intro": {"fr": """\
# Référence du format

Un fichier `plans/**/*.yaml` = un plan = un objectif. Les clés françaises sont
canoniques ; chaque clé a aussi un **alias anglais**. Les clés sont comparées après
normalisation : minuscules, accents retirés, espaces et tirets changés en `_`
(`Date limite`, `date-limite` et `date_limite` sont la même clé). Une même clé ne
peut pas être donnée deux fois sous deux orthographes.

Les valeurs à choisir dans une liste (type, horizon, statut…) s'écrivent en français
ou en anglais, avec ou sans accents. Les dates s'écrivent `2026-06-15` ou
`15/06/2026` ; les booléens `oui`/`non` (`yes`/`no`, `true`/`false`). Les textes
Markdown acceptent le gras, les listes et les liens. Voir aussi la
[liste des codes d'erreur et d'avertissement](codes.md) et le
[guide de la méthode](../guide/method.md).
""",
                               "en": """\
# Format reference

One file `plans/**/*.yaml` = one plan = one objective. French keys are canonical;
every key also has an **English alias**. Keys are compared after normalisation:
lower case, accents removed, spaces and hyphens turned into `_` (`Date limite`,
`date-limite` and `date_limite` are the same key). A key may not be given twice
under two spellings.

Values picked from a list (kind, term, status…) may be written in French or in
English, with or without accents. Dates are written `2026-06-15` or `15/06/2026`;
booleans `oui`/`non` (`yes`/`no`, `true`/`false`). Markdown texts accept bold,
lists and links. See also the [list of error and warning codes](codes.md) and the
[method guide](../guide/method.md).
"""},
    "reference.codes_intro": {"fr": """\
# Codes d'erreur et d'avertissement

Chaque problème signalé par `pac-gen validate` (et sur le site) porte un code,
le fichier, la ligne et la colonne de la valeur en cause :

```text
plans/camille/boutique.yaml:12:16: erreur : E106 Date « 31/02/2027 » …
```

Une **erreur** (`E…`) rend le plan inutilisable : il faut la corriger (tant qu'elle
est là, le plan est laissé hors du site publié ; les autres plans sont publiés). Un
**avertissement** (`W…`) est une question de la méthode posée au plan : il
n'empêche jamais la publication (seul `pac-gen validate --strict` le compte comme une
erreur). Les `{{…}}` des messages sont remplacés par les valeurs du plan.

Les exemples sont des plans réduits à l'essentiel ; `# ← W…` marque la ligne
signalée. Sans indicateurs, ils déclenchent aussi W401 et W402.
""",
                              "en": """\
# Error and warning codes

Every problem `pac-gen validate` reports (and the site shows) carries a code and
the file, line and column of the value concerned:

```text
plans/camille/boutique.yaml:12:16: error: E106 Date “31/02/2027” …
```

An **error** (`E…`) makes the plan unusable: it must be fixed (until it is, the plan
is left out of the published site; the other plans are published). A **warning**
(`W…`) is a question of the method asked of the plan: it never stops publication
(only `pac-gen validate --strict` counts it as an error). The `{{…}}` in messages are
replaced by the plan's values.

The examples are plans cut down to the essentials (keys are the canonical French
ones); `# ← W…` marks the line reported. Without indicators, they also raise W401
and W402.
"""},
}
MESSAGES.update(REFERENCE_TEXT)


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "fr"


def text(key: str, lang: str = "fr", **args: Any) -> str:
    """The text ``key`` in ``lang`` (French when the language is unknown), placeholders filled."""
    return MESSAGES[key][_lang(lang)].format(**args)


def colon(label: str, lang: str = "fr") -> str:
    """``label`` followed by a colon as the language writes it: ``Tâches :``, ``Tasks:``."""
    return text("colon", lang, label=label)


def quote(value: str, lang: str = "fr") -> str:
    """``value`` in the language's quotation marks: ``« boutique »``, ``“shop”``."""
    return text("quote", lang, text=value)


@cache
def texts(prefix: str, lang: str = "fr") -> Mapping[str, str]:
    """Every text under ``prefix.`` in ``lang``, keyed by the rest of its key, placeholders unfilled.

    This is what a template reads as ``L`` (``texts("site", lang)["tasks"]`` is ``site.tasks``).
    """
    start = prefix + "."
    return MappingProxyType({key[len(start):]: entry[_lang(lang)]
                             for key, entry in MESSAGES.items() if key.startswith(start)})


def choice_word(value: str, lang: str = "fr") -> str:
    """How a reader sees a word of the format's lists: ``fidelisation`` → ``Fidélisation``."""
    return text(f"word.{value}", lang)


# --- Counts, numbers, money and dates: the pages and the messages say them the same way --------

def plural(key: str, n: int, lang: str = "fr", **args: Any) -> str:
    """The text ``key`` for a count of ``n``: ``key`` for one, ``key.n`` for more, by the language's rule.

    The rule is CLDR's (through babel): in French 0 and 1 take the singular
    (« 0 erreur », « 1 plan »), in English only 1 does ("0 errors", "1 plan").
    ``n`` is written as a number of the language (``1 200`` in French).
    """
    one = _locale(_lang(lang)).plural_form(abs(n)) == "one"
    return text(key if one else f"{key}.n", lang, n=number(n, lang), **args)


def count(word: str, n: int, lang: str = "fr") -> str:
    """``n`` and the word ``count.<word>`` agreeing with it: ``1 plan``, ``2 erreurs``, ``0 errors``."""
    return plural(f"count.{word}", n, lang)


# A unit as learners write it, in the plural (« boutiques », "calls"): lower-case letters ending
# in an « s » that marks the plural (not « -ss », « -us », « -is », « -as », « -ys »).
_PLURAL_UNIT_RE = re.compile(r"[a-zà-öø-ÿœæ]+(?<![suiay])s")
# Lower-case units that end like a plural and are the same in the singular.
_INVARIABLE_UNITS = frozenset({"cours", "temps", "poids", "corps", "remords", "news", "series", "species"})


def unit_for(unit: str, value: float | int | Decimal, lang: str = "fr") -> str:
    """The learner's ``unit`` agreeing with ``value``: « 1 boutique » when « boutiques » was written.

    Only a plain lower-case word in the plural loses its « s » (by the language's
    rule: 0 and 1 in French, 1 in English); symbols, codes (``SMS``, ``€``) and
    several words (« rendez-vous », « devis signés ») stay as written.
    """
    one = _locale(_lang(lang)).plural_form(abs(Decimal(str(value)))) == "one"
    if one and _PLURAL_UNIT_RE.fullmatch(unit) and unit not in _INVARIABLE_UNITS:
        return unit[:-1]
    return unit


def with_unit(value: float | int | Decimal | None, unit: str | None, lang: str = "fr") -> str:
    """A number and its unit as the pages, charts and reports write it: ``1 390 visites``, ``1 boutique``."""
    if value is None:
        return ""
    shown = number(value, lang)
    return f"{shown}\u00a0{unit_for(unit, value, lang)}" if unit else shown


def money(value: Decimal | float | None, currency: str = "EUR", lang: str = "fr") -> str:
    """An amount in the language: ``15 000 €``, or ``12,50 €`` when it has cents."""
    if value is None:
        return ""
    return _money(str(value), currency, _lang(lang))


# babel parses the locale, and often the pattern, on every call, and a site says the
# same amounts, numbers and days thousands of times: each is formatted once. The
# caches are keyed by the value's text so that ``1.5`` and ``1.50`` stay apart.
@lru_cache(maxsize=8192)
def _money(amount_text: str, currency: str, lang: str) -> str:
    amount = Decimal(amount_text)
    locale = _locale(lang)
    if amount == amount.to_integral_value():
        return format_currency(amount, currency, format=_whole_pattern(lang), locale=locale, currency_digits=False)
    return format_currency(amount, currency, locale=locale)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@cache
def _whole_pattern(lang: str) -> str:
    # The locale's own currency pattern without its cents (whole amounts read better).
    pattern = _locale(lang).currency_formats["standard"].pattern
    return pattern.replace(".00", "")


def number(value: float | int | Decimal | None, lang: str = "fr") -> str:
    """A number in the language (``1 390``, ``12,5``); whole floats lose their ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _number(value, str(value), _lang(lang))


@lru_cache(maxsize=8192, typed=True)
def _number(value: float | int | Decimal, text: str, lang: str) -> str:
    return format_decimal(value, locale=_locale(lang))


def percent(value: float | None, lang: str = "fr") -> str:
    """A share as a percentage: ``0.456`` → ``46 %``."""
    if value is None:
        return ""
    return format_percent(value, locale=_locale(_lang(lang)))


def day(value: date | None, lang: str = "fr", style: str = "long") -> str:
    """A date: ``10 juin 2023`` (``long``), ``27 nov. 2026`` (``medium``) or ``10/06/2023`` (``short``)."""
    if value is None:
        return ""
    return _format_date(value, style, _lang(lang))


@lru_cache(maxsize=8192)
def _format_date(value: date, style: str, lang: str) -> str:
    return format_date(value, format=style, locale=_locale(lang))
