"""Every message a learner can read, in French (the default) and English.

Messages are looked up by code; ``CODE.fix`` entries say how to fix a warning and
are shown on the site and in the guide. Keep French first: it is what learners read.
"""

from __future__ import annotations

from typing import Any

from pac_gen.problems import one_line

LANGUAGES = ("fr", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # Reading the file
    "E001": {"fr": "Erreur de syntaxe YAML : {detail}", "en": "YAML syntax error: {detail}"},
    "E002": {"fr": "Le fichier n'est pas du texte UTF-8 lisible à partir d'ici (fichier binaire ou mauvais encodage). Enregistrez-le en UTF-8.",
             "en": "The file stops being readable UTF-8 text here (binary file or wrong encoding). Save it as UTF-8."},
    "E003": {"fr": "Le fichier fait {size} octets, plus que la limite de {limit} octets : un plan n'a jamais besoin d'être aussi long. Découpez-le en plusieurs plans.",
             "en": "The file is {size} bytes long, over the limit of {limit} bytes: a plan never needs to be that long. Split it into several plans."},
    "E004": {"fr": "Les étiquettes YAML ({tag}) ne sont pas acceptées : écrivez la valeur sans « ! ».",
             "en": "YAML tags ({tag}) are not accepted: write the value without “!”."},
    "E005": {"fr": "Les ancres et alias YAML (&nom, *nom) ne sont pas acceptés : recopiez la valeur à chaque endroit.",
             "en": "YAML anchors and aliases (&name, *name) are not accepted: write the value out at each place."},
    "E006": {"fr": "La clé « {key} » est donnée deux fois : gardez-en une seule.",
             "en": "The key “{key}” is given twice: keep only one."},
    "E007": {"fr": "Le document est imbriqué sur plus de {limit} niveaux : vérifiez l'indentation.",
             "en": "The document is nested more than {limit} levels deep: check the indentation."},
    "E008": {"fr": "Le plan doit être un ensemble de clés (objectif:, actions:…) ; ce fichier est vide ou n'en contient pas.",
             "en": "A plan must be a set of keys (objective:, actions:…); this file is empty or has none."},
    "E009": {"fr": "Impossible de lire le fichier : {detail}", "en": "Cannot read the file: {detail}"},
    "E013": {"fr": "Ce texte contient un caractère de contrôle invisible ({char}), écrit avec un échappement « \\ » entre guillemets : retirez-le.",
             "en": "This text holds an invisible control character ({char}), written as a “\\” escape in quotes: remove it."},
    "E012": {"fr": "Ce plan serait publié en « {output} », déjà pris par {owner} : renommez l'un des deux fichiers.",
             "en": "This plan would be published as “{output}”, already taken by {owner}: rename one of the two files."},
    "E011": {"fr": "Ce lien symbolique pointe hors du dossier des plans ({target}) : il est refusé. Copiez le plan dans le dossier au lieu de le lier.",
             "en": "This symbolic link points outside the plans folder ({target}): it is refused. Copy the plan into the folder instead of linking it."},
    "E010": {"fr": "Une clé doit être un simple mot (texte), pas une liste ni un ensemble.",
             "en": "A key must be a plain word (text), not a list or a mapping."},
    # The model
    "E101": {"fr": "Clé inconnue « {key} » : vouliez-vous dire « {suggestion} » ? Clés possibles ici : {allowed}.",
             "en": "Unknown key “{key}”: did you mean “{suggestion}”? Keys allowed here: {allowed}."},
    "E101b": {"fr": "Clé inconnue « {key} ». Clés possibles ici : {allowed}.",
              "en": "Unknown key “{key}”. Keys allowed here: {allowed}."},
    "E102": {"fr": "« {key} » et « {other} » sont la même clé ({canonical}) : gardez-en une seule.",
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
    "E105.suggest": {"fr": "Valeur « {value} » non reconnue : vouliez-vous dire « {suggestion} » ? Valeurs possibles : {allowed}.",
                     "en": "Value “{value}” is not recognised: did you mean “{suggestion}”? Allowed values: {allowed}."},
    "E106": {"fr": "Date « {value} » non reconnue : écrivez-la 2026-06-15 ou 15/06/2026.",
             "en": "Date “{value}” is not recognised: write it 2026-06-15 or 15/06/2026."},
    "E106b": {"fr": "La date « {value} » n'existe pas dans le calendrier.",
              "en": "The date “{value}” does not exist in the calendar."},
    "E107": {"fr": "Durée « {value} » non reconnue : écrivez par exemple 2h, 1h30, 30 min, ½ journée, 1 jour, 0.5 j ou 1 semaine.",
             "en": "Duration “{value}” is not recognised: write for example 2h, 1h30, 30 min, half day, 1 day, 0.5 d or 1 week."},
    "E108": {"fr": "Période « {value} » non reconnue : écrivez par exemple 3 mois, 8 semaines ou 10 jours.",
             "en": "Span “{value}” is not recognised: write for example 3 months, 8 weeks or 10 days."},
    "E109": {"fr": "Règle de récurrence « {value} » invalide : une seule ligne de parties NOM=VALEUR séparées par « ; », "
                   "avec FREQ (DAILY, WEEKLY, MONTHLY…), et INTERVAL ou COUNT à partir de 1. Exemple : FREQ=MONTHLY;BYDAY=1MO.",
             "en": "Recurrence rule “{value}” is invalid: one line of NAME=VALUE parts separated by “;”, "
                   "with FREQ (DAILY, WEEKLY, MONTHLY…), and INTERVAL or COUNT from 1. Example: FREQ=MONTHLY;BYDAY=1MO."},
    "E110": {"fr": "Montant « {value} » non reconnu : écrivez un nombre positif, par exemple 1500 ou 1500.50.",
             "en": "Amount “{value}” is not recognised: write a positive number, for example 1500 or 1500.50."},
    "E111": {"fr": "Heure « {value} » non reconnue : écrivez-la HH:MM, par exemple 14:00.",
             "en": "Time “{value}” is not recognised: write it HH:MM, for example 14:00."},
    "E112": {"fr": "Devise « {value} » inconnue : donnez un code ISO 4217 comme EUR, CHF ou CAD.",
             "en": "Currency “{value}” is unknown: give an ISO 4217 code such as EUR, CHF or CAD."},
    "E113": {"fr": "Un id ne contient que des minuscules sans accent, des chiffres et des tirets : par exemple « {suggestion} ».",
             "en": "An id holds only lower-case letters, digits and hyphens: for example “{suggestion}”."},
    "E114": {"fr": "Nombre « {value} » non reconnu : écrivez par exemple 120 ou 12.5.",
             "en": "Number “{value}” is not recognised: write for example 120 or 12.5."},
    "E115": {"fr": "Valeur « {value} » non reconnue : écrivez oui ou non.",
             "en": "Value “{value}” is not recognised: write yes or no."},
    "E119": {"fr": "La date « {value} » est hors des années qu'un plan peut couvrir ({first} à {last}) : vérifiez l'année.",
             "en": "The date “{value}” is outside the years a plan can cover ({first} to {last}): check the year."},
    "E120": {"fr": "Nombre trop grand : un plan s'en tient à 1 000 000 000 000 000 au plus (en valeur absolue).",
             "en": "Number too large: a plan keeps to 1,000,000,000,000,000 at most (in absolute value)."},
    "E121": {"fr": "Durée trop longue : au plus dix ans (3 653 jours).",
             "en": "Too long: ten years (3,653 days) at most."},
    "E116": {"fr": "Valeur hors limites : {detail}.", "en": "Value out of range: {detail}."},
    "E117": {"fr": "Cette liste ne peut pas être vide : donnez au moins un élément (ligne commençant par « - »).",
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
    "E208": {"fr": "La fin ({end}) est avant le début ({start}).", "en": "The end ({end}) is before the start ({start})."},
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
    "syntax.colon": {"fr": "deux-points inattendu. Si la valeur contient « : », mettez-la entre guillemets ; sinon vérifiez l'indentation.",
                     "en": "unexpected colon. If the value contains “:”, put it in quotes; otherwise check the indentation."},
    "syntax.missing_colon": {"fr": "il manque « : » après une clé.", "en": "a “:” is missing after a key."},
    "syntax.unclosed": {"fr": "le fichier se termine alors qu'un élément n'est pas fermé.",
                        "en": "the file ends while something is still open."},
    "syntax.unclosed_quote": {"fr": "ce guillemet n'est jamais refermé.", "en": "this quote is never closed."},
    "syntax.indent": {"fr": "l'indentation est incohérente : alignez cette ligne sur les clés de même niveau.",
                      "en": "inconsistent indentation: align this line with the keys of the same level."},
    "syntax.dash": {"fr": "un élément de liste est mal aligné : les « - » d'une même liste doivent être dans la même colonne.",
                    "en": "a list item is misaligned: the “-” of one list must be in the same column."},
    "syntax.dash_context": {"fr": "un « - » de liste apparaît où une valeur était attendue : vérifiez l'indentation.",
                            "en": "a list “-” appears where a value was expected: check the indentation."},
    "syntax.bad_char": {"fr": "caractère qui ne peut pas commencer une valeur (tabulation, @ ou ` ?) : indentez avec des espaces, ou mettez la valeur entre guillemets.",
                        "en": "character that cannot start a value (tab, @ or `?): indent with spaces, or quote the value."},
    "syntax.tab": {"fr": "tabulation dans l'indentation : indentez avec des espaces.",
                   "en": "tab in the indentation: indent with spaces."},
    "syntax.flow_seq": {"fr": "liste entre crochets mal fermée : il manque « , » ou « ] ».",
                        "en": "bracketed list not closed: a “,” or “]” is missing."},
    "syntax.flow_map": {"fr": "ensemble entre accolades mal fermé : il manque « , » ou « }} ».",
                        "en": "braced mapping not closed: a “,” or “}}” is missing."},
    "syntax.flow_node": {"fr": "une liste entre crochets [ ] ou un ensemble entre accolades {{ }} est mal formé ou jamais fermé.",
                         "en": "a bracketed list [ ] or braced mapping {{ }} is malformed or never closed."},
    "syntax.alias": {"fr": "les ancres et alias YAML (&nom, *nom) ne sont pas acceptés.",
                     "en": "YAML anchors and aliases (&name, *name) are not accepted."},
    "syntax.documents": {"fr": "un fichier ne contient qu'un seul plan : retirez la ligne « --- » et ce qui suit, ou faites-en un autre fichier.",
                          "en": "a file holds a single plan: remove the “---” line and what follows, or make it another file."},
    "syntax.anchor": {"fr": "cette ancre (&nom) est déjà définie plus haut ; de toute façon les ancres et alias ne sont pas acceptés.",
                      "en": "this anchor (&name) is already defined above; anchors and aliases are not accepted anyway."},
    "syntax.other": {"fr": "{detail}.", "en": "{detail}."},
}


def message(code: str, lang: str = "fr", **args: Any) -> str:
    """The message for ``code`` in ``lang`` (French when the language is unknown)."""
    entry = MESSAGES[code]
    template = entry.get(lang) or entry["fr"]
    safe = {k: v if k in _WHOLE else _shorten(v) for k, v in args.items()}
    text = template.format(**safe)
    if code[:1] in ("E", "W"):
        # One problem, one line: a learner value with line breaks must not be able to
        # fake further `file:line:col:` lines in the text output or the build log.
        text = one_line(text)
    return text


# Arguments written by pac_gen itself (lists of allowed keys or values): never cut.
_WHOLE = frozenset(("allowed", "known", "expected", "limit", "size", "detail", "target"))


def _shorten(value: Any) -> Any:
    # Learner values are quoted back in messages; a 10 kB value would drown them.
    if isinstance(value, str) and len(value) > 80:
        return value[:77] + "…"
    return value

WARNINGS: dict[str, dict[str, str]] = {
    "W101": {"fr": "L'action « {title} » est datée du {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "The action “{title}” is dated {date}, after the objective's deadline ({deadline})."},
    "W101.fix": {"fr": "Avancez la date, ou repoussez l'échéance de l'objectif si elle n'est plus réaliste.",
                 "en": "Bring the date forward, or move the objective's deadline if it is no longer realistic."},
    "W102": {"fr": "La tâche « {title} » est due le {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "The task “{title}” is due on {date}, after the objective's deadline ({deadline})."},
    "W102.fix": {"fr": "Avancez la date limite de la tâche, ou revoyez l'échéance de l'objectif.",
                 "en": "Bring the task's deadline forward, or review the objective's deadline."},
    "W103": {"fr": "Le rituel « {title} » court jusqu'au {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "The ritual “{title}” runs until {date}, after the objective's deadline ({deadline})."},
    "W103.fix": {"fr": "Raccourcissez « pendant » ou avancez « fin » pour finir avant l'échéance.",
                 "en": "Shorten “for” or bring “end” forward so it ends before the deadline."},
    "W104": {"fr": "La tâche « {title} » est due le {date}, après la date limite de son action ({due}).",
             "en": "The task “{title}” is due on {date}, after its action's deadline ({due})."},
    "W104.fix": {"fr": "Une tâche se termine avant son action : avancez-la ou repoussez l'action.",
                 "en": "A task ends before its action: bring it forward or move the action's deadline."},
    "W105": {"fr": "L'action « {title} » est lancée le {start}, après sa date limite ({due}).",
             "en": "The action “{title}” starts on {start}, after its deadline ({due})."},
    "W105.fix": {"fr": "Vérifiez les deux dates : le lancement vient avant la date limite.",
                 "en": "Check both dates: the launch comes before the deadline."},
    "W201": {"fr": "L'action « {title} » est à long terme alors que l'objectif est à moins de 3 mois : les actions sont-elles cohérentes avec l'échéance ?",
             "en": "The action “{title}” is long-term while the objective is less than 3 months away: are the actions consistent with the deadline?"},
    "W201.fix": {"fr": "Choisissez une action à court terme, ou donnez-vous une échéance plus lointaine.",
                 "en": "Choose a short-term action, or set a later deadline."},
    "W202": {"fr": "L'objectif est à moins de 3 mois mais aucune action n'est à court terme (horizon: court).",
             "en": "The objective is less than 3 months away but no action is short-term (term: short)."},
    "W202.fix": {"fr": "Ajoutez au moins une action à effet rapide, avec « horizon: court ».",
                 "en": "Add at least one quick-win action with “term: short”."},
    "W301": {"fr": "Loi des nombres : {volume} prévus pour {target} visés, il en faudrait au moins {needed} (×{multiplier}).",
             "en": "Law of numbers: {volume} planned for {target} wanted, at least {needed} are needed (×{multiplier})."},
    "W301.fix": {"fr": "Augmentez le volume prévu : en démarrage il faut 3 tentatives par résultat, en développement 2.",
                 "en": "Raise the planned volume: 3 attempts per result at start-up, 2 in growth."},
    "W401": {"fr": "Aucun indicateur de résultat : comment saurez-vous que l'objectif est atteint ?",
             "en": "No result indicator: how will you know the objective is reached?"},
    "W401.fix": {"fr": "Ajoutez un indicateur « type: resultat » (ex. chiffre d'affaires, nombre de clients).",
                 "en": "Add an indicator with “kind: result” (e.g. turnover, number of customers)."},
    "W402": {"fr": "Aucun indicateur de suivi : rien ne permet de piloter les actions en cours de route.",
             "en": "No tracking indicator: nothing steers the actions along the way."},
    "W402.fix": {"fr": "Ajoutez un indicateur « type: suivi » (ex. nombre de contacts, visites du site).",
                 "en": "Add an indicator with “kind: tracking” (e.g. contacts made, site visits)."},
    "W403": {"fr": "L'indicateur « {title} » n'a pas d'outil : d'où viendront les mesures ?",
             "en": "The indicator “{title}” has no source: where will the values come from?"},
    "W403.fix": {"fr": "Ajoutez « outil: » (CRM, Excel, Instagram, Google Analytics…).",
                 "en": "Add “source:” (CRM, Excel, Instagram, Google Analytics…)."},
    "W501": {"fr": "Le frein « {title} » n'a aucune solution.", "en": "The obstacle “{title}” has no solution."},
    "W501.fix": {"fr": "Ajoutez au moins une solution, même partielle, sous « solutions: ».",
                 "en": "Add at least one solution, even a partial one, under “solutions:”."},
    "W601": {"fr": "Les budgets des tâches de « {title} » font {total}, plus que le budget de l'action ({budget}).",
             "en": "The tasks of “{title}” add up to {total}, more than the action's budget ({budget})."},
    "W601.fix": {"fr": "Augmentez le budget de l'action ou réduisez celui des tâches.",
                 "en": "Raise the action's budget or lower its tasks' budgets."},
    "W701": {"fr": "Le rituel « {title} » tombe le {day} à {time}, hors des blocs « {domain} » de la semaine idéale.",
             "en": "The ritual “{title}” falls on {day} at {time}, outside the “{domain}” blocks of the ideal week."},
    "W701.fix": {"fr": "Déplacez le rituel dans un bloc de son domaine, ou ajoutez ce bloc à la semaine idéale.",
                 "en": "Move the ritual into a block of its domain, or add that block to the ideal week."},
    "W801": {"fr": "Mesure datée du {date}, après l'échéance de l'objectif ({deadline}).",
             "en": "Measurement dated {date}, after the objective's deadline ({deadline})."},
    "W801.fix": {"fr": "Vérifiez la date de la mesure, ou prolongez l'objectif.",
                 "en": "Check the measurement's date, or extend the objective."},
    "W802": {"fr": "Mesure datée du {date}, avant le début du plan ({start}).",
             "en": "Measurement dated {date}, before the plan's start ({start})."},
    "W802.fix": {"fr": "Une valeur d'avant le plan va dans « valeur_initiale » ; sinon corrigez la date.",
                 "en": "A value from before the plan belongs in “initial”; otherwise fix the date."},
}
MESSAGES.update(WARNINGS)

# Words shown in the charts (titles, legends, hover texts): see pac_gen/charts.py.
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
    "chart.overview.hover.tasks": {"fr": "{label}<br>{done} tâche(s) faite(s) sur {planned}",
                                   "en": "{label}<br>{done} task(s) done out of {planned}"},
    "chart.overview.hover.indicators": {"fr": "{label}<br>{ok} indicateur(s) sur {total}",
                                        "en": "{label}<br>{ok} indicator(s) out of {total}"},
    "chart.overview.hover.no_indicator": {"fr": "{label}<br>aucun indicateur", "en": "{label}<br>no indicator"},
}
MESSAGES.update(CHART_TEXT)


# The words of the format's lists, as a reader sees them, and what each action type means in the method.
CHOICE_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "prospection": "Prospection", "communication": "Communication", "fidelisation": "Fidélisation",
        "court": "Court terme", "moyen": "Moyen terme", "long": "Long terme",
        "demarrage": "Démarrage", "developpement": "Développement",
        "a_faire": "À faire", "en_cours": "En cours", "fait": "Fait", "abandonne": "Abandonné",
        "suivi": "Suivi", "resultat": "Résultat",
        "atteint": "Atteint", "en_avance": "En avance", "dans_les_temps": "Dans les temps",
        "en_retard": "En retard", "aucune_mesure": "Aucune mesure",
        "quotidienne": "Tous les jours", "hebdomadaire": "Chaque semaine",
        "toutes_les_2_semaines": "Toutes les 2 semaines", "mensuelle": "Chaque mois",
        "moi": "Moi", "famille": "Famille", "social": "Social", "entreprise": "Entreprise",
        "lundi": "lundi", "mardi": "mardi", "mercredi": "mercredi", "jeudi": "jeudi", "vendredi": "vendredi",
        "samedi": "samedi", "dimanche": "dimanche",
        "meaning.prospection": "trouver de nouveaux clients",
        "meaning.communication": "se faire connaître et donner envie",
        "meaning.fidelisation": "faire revenir et recommander les clients actuels",
    },
    "en": {
        "prospection": "Prospecting", "communication": "Communication", "fidelisation": "Retention",
        "court": "Short term", "moyen": "Medium term", "long": "Long term",
        "demarrage": "Start-up", "developpement": "Growth",
        "a_faire": "To do", "en_cours": "In progress", "fait": "Done", "abandonne": "Dropped",
        "suivi": "Tracking", "resultat": "Result",
        "atteint": "Reached", "en_avance": "Ahead", "dans_les_temps": "On track",
        "en_retard": "Late", "aucune_mesure": "No measurement",
        "quotidienne": "Every day", "hebdomadaire": "Every week",
        "toutes_les_2_semaines": "Every 2 weeks", "mensuelle": "Every month",
        "moi": "Me", "famille": "Family", "social": "Social", "entreprise": "Business",
        "lundi": "Monday", "mardi": "Tuesday", "mercredi": "Wednesday", "jeudi": "Thursday",
        "vendredi": "Friday", "samedi": "Saturday", "dimanche": "Sunday",
        "meaning.prospection": "find new customers",
        "meaning.communication": "make yourself known and make people want to buy",
        "meaning.fidelisation": "bring current customers back and have them recommend you",
    },
}


def choice_word(value: str, lang: str = "fr") -> str:
    """How a reader sees a word of the format's lists: ``fidelisation`` → ``Fidélisation``."""
    return CHOICE_WORDS.get(lang, CHOICE_WORDS["fr"])[value]
