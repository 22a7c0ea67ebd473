"""What each data problem says, in French and in English.

A contributor reads these lines in a failed check, often in GitHub's web editor,
so they are written for someone who edits YAML and knows no Python. Each entry
is (what is wrong, how to fix it), with `{placeholders}` filled from the problem.
Python code raises problems by code; only this file holds their words.
"""

from __future__ import annotations

Texts = dict[str, tuple[str, str]]

CATALOGUE: dict[str, Texts] = {
    # Reading files
    "file_missing": {
        "en": ("this file is missing", "restore it from the repository's main branch"),
        "fr": ("ce fichier est absent", "rétablissez-le à partir de la branche main du dépôt"),
    },
    "not_utf8": {
        "en": (
            "the file is not saved as UTF-8 text",
            "save it again as UTF-8 (GitHub's web editor always does), and check accented letters on this line",
        ),
        "fr": (
            "le fichier n’est pas enregistré en texte UTF-8",
            "enregistrez-le de nouveau en UTF-8 (l’éditeur Web de GitHub le fait toujours) et vérifiez les lettres "
            "accentuées de cette ligne",
        ),
    },
    "yaml_syntax": {
        "en": (
            "YAML syntax error: {detail}",
            "check the indentation (two spaces per level); text that contains ': ' or starts with *, &, #, ! or a "
            "quote must be in quotes or written as a block after '>-'",
        ),
        "fr": (
            "erreur de syntaxe YAML : {detail}",
            "vérifiez le retrait (deux espaces par niveau); un texte qui contient « : » ou qui commence par *, &, #, ! "
            "ou un guillemet doit être entre guillemets ou écrit en bloc après « >- »",
        ),
    },
    "control_character": {
        "en": (
            "the file holds an invisible control character ({char}), often left by text copied from a PDF",
            "delete the character (retype the start of this line), then save",
        ),
        "fr": (
            "le fichier contient un caractère de contrôle invisible ({char}), souvent laissé par un texte copié "
            "d’un PDF",
            "supprimez ce caractère (retapez le début de cette ligne), puis enregistrez",
        ),
    },
    "empty_file": {
        "en": ("the file is empty", "restore its content, or delete the file if it is not needed"),
        "fr": ("le fichier est vide", "rétablissez son contenu, ou supprimez le fichier s’il ne sert pas"),
    },
    "duplicate_key": {
        "en": ("this key is written twice (first on line {first})", "keep one of the two lines and delete the other"),
        "fr": (
            "cette clé est écrite deux fois (la première à la ligne {first})",
            "gardez l’une des deux lignes et supprimez l’autre",
        ),
    },
    "wrong_extension": {
        "en": (
            "only .yml files belong in data/{folder}",
            "rename the file to end in .yml, or move it out of data/{folder}",
        ),
        "fr": (
            "seuls des fichiers .yml vont dans data/{folder}",
            "renommez le fichier pour qu’il se termine par .yml, ou sortez-le de data/{folder}",
        ),
    },
    "folder_empty": {
        "en": ("this folder has no entries", "restore it from the repository's main branch"),
        "fr": ("ce dossier ne contient aucune entrée", "rétablissez-le à partir de la branche main du dépôt"),
    },
    "not_keyed_file": {
        "en": (
            "the file should be a list of entries 'id:' with fields under each",
            "compare it with the version on the main branch",
        ),
        "fr": (
            "le fichier doit être une liste d’entrées « id: » avec leurs champs en retrait",
            "comparez-le avec la version de la branche main",
        ),
    },
    "message_not_mapping": {
        "en": (
            "a message file should be a set of fields (objective:, audience:, message:...)",
            "compare it with another file in data/messages",
        ),
        "fr": (
            "un fichier de message doit être un ensemble de champs (objective:, audience:, message:…)",
            "comparez-le avec un autre fichier de data/messages",
        ),
    },
    # Shapes (from the models)
    "missing_text_fr": {
        "en": ("the French text is missing", "add a line 'fr: ...' under '{parent}:' with the French text"),
        "fr": ("le texte français est absent", "ajoutez une ligne « fr: … » sous « {parent}: » avec le texte français"),
    },
    "missing_text_en": {
        "en": ("the English text is missing", "add a line 'en: ...' under '{parent}:' with the English text"),
        "fr": ("le texte anglais est absent", "ajoutez une ligne « en: … » sous « {parent}: » avec le texte anglais"),
    },
    "missing_field": {
        "en": ("this field is missing", "add '{name}:' (see the commented example in CONTRIBUTING.md)"),
        "fr": ("ce champ est absent", "ajoutez « {name}: » (voyez l’exemple commenté dans CONTRIBUTING.md)"),
    },
    "unknown_field_close": {
        "en": ("'{name}' is not a field this file can have", "did you mean '{close}'? Rename it"),
        "fr": ("« {name} » n’est pas un champ permis dans ce fichier", "vouliez-vous écrire « {close} »? Renommez-le"),
    },
    "unknown_field": {
        "en": ("'{name}' is not a field this file can have", "remove it, or check its spelling and indentation"),
        "fr": (
            "« {name} » n’est pas un champ permis dans ce fichier",
            "supprimez-le, ou vérifiez son orthographe et son retrait",
        ),
    },
    "not_allowed_value": {
        "en": ("this value is not one of the allowed ones", "write one of: {expected}"),
        "fr": ("cette valeur ne fait pas partie des valeurs permises", "écrivez l’une de celles-ci : {expected}"),
    },
    "number_too_small": {
        "en": ("this number should be at least {limit}", "change the number"),
        "fr": ("ce nombre doit valoir au moins {limit}", "changez le nombre"),
    },
    "number_too_large": {
        "en": ("this number should be at most {limit}", "change the number"),
        "fr": ("ce nombre doit valoir au plus {limit}", "changez le nombre"),
    },
    "bad_id": {
        "en": ("this id should be lowercase letters and digits joined by dashes", "write it like 'first-steps'"),
        "fr": (
            "cet identifiant doit être fait de minuscules et de chiffres reliés par des tirets",
            "écrivez-le comme « first-steps »",
        ),
    },
    "not_text": {
        "en": (
            "this should be a text",
            "write the text after the colon; put quotes around it if it looks like a number or yes/no",
        ),
        "fr": (
            "ceci doit être un texte",
            "écrivez le texte après le deux-points; mettez-le entre guillemets s’il ressemble à un nombre ou à yes/no",
        ),
    },
    "not_fields": {
        "en": (
            "this should hold indented fields, such as 'fr:' and 'en:'",
            "put each field on its own line under this one, indented by two more spaces",
        ),
        "fr": (
            "ceci doit contenir des champs en retrait, comme « fr: » et « en: »",
            "placez chaque champ sur sa propre ligne sous celle-ci, avec deux espaces de retrait de plus",
        ),
    },
    "not_list": {
        "en": ("this should be a list", "start each item on its own line with '- ', indented under this field"),
        "fr": (
            "ceci doit être une liste",
            "commencez chaque élément sur sa propre ligne par « - », en retrait sous ce champ",
        ),
    },
    "list_empty": {
        "en": ("this list is empty", "add at least one item"),
        "fr": ("cette liste est vide", "ajoutez au moins un élément"),
    },
    "list_too_long": {
        "en": ("this list has more than {limit} items", "keep at most {limit}"),
        "fr": ("cette liste compte plus de {limit} éléments", "gardez-en au plus {limit}"),
    },
    "not_whole_number": {
        "en": ("this should be a whole number", "write digits only, such as 2024"),
        "fr": ("ceci doit être un nombre entier", "écrivez seulement des chiffres, par exemple 2024"),
    },
    "invalid_value": {
        "en": (
            "this value cannot be used ({detail})",
            "check this field against the commented example in CONTRIBUTING.md",
        ),
        "fr": (
            "cette valeur ne peut pas servir ({detail})",
            "comparez ce champ avec l’exemple commenté dans CONTRIBUTING.md",
        ),
    },
    "empty_text": {
        "en": (
            "the text is empty",
            "write the text after the colon, or use '>-' and indent the text on the next lines",
        ),
        "fr": (
            "le texte est vide",
            "écrivez le texte après le deux-points, ou écrivez « >- » et le texte en retrait aux lignes suivantes",
        ),
    },
    # Text that could run code or break the page
    "unsafe_script": {
        "en": (
            "it contains a <script> tag, which is not allowed",
            "remove the tag; messages are plain text with Markdown (*emphasis*, **bold**, [text](https://...))",
        ),
        "fr": (
            "il contient une balise <script>, ce qui est interdit",
            "retirez la balise; les messages sont du texte simple en Markdown (*italique*, **gras**, "
            "[texte](https://…))",
        ),
    },
    "unsafe_iframe": {
        "en": (
            "it contains an <iframe> tag, which is not allowed",
            "remove the tag; to point to a video or page, write a Markdown link [text](https://...)",
        ),
        "fr": (
            "il contient une balise <iframe>, ce qui est interdit",
            "retirez la balise; pour renvoyer à une vidéo ou à une page, écrivez un lien Markdown [texte](https://…)",
        ),
    },
    "unsafe_js_link": {
        "en": (
            "it contains a javascript: link, which is not allowed",
            "use an ordinary https:// address in the link, or remove the link",
        ),
        "fr": (
            "il contient un lien javascript:, ce qui est interdit",
            "utilisez une adresse https:// ordinaire dans le lien, ou retirez le lien",
        ),
    },
    "unsafe_event": {
        "en": (
            "it contains an HTML event attribute (such as onclick= or onerror=), which is not allowed",
            "remove the attribute; text cannot run code",
        ),
        "fr": (
            "il contient un attribut d’événement HTML (comme onclick= ou onerror=), ce qui est interdit",
            "retirez l’attribut; un texte ne peut pas exécuter de code",
        ),
    },
    "unsafe_style": {
        "en": (
            "it contains a style= attribute, which is not allowed",
            "remove it; the site's look comes from its stylesheet. Use *emphasis* or **bold** instead",
        ),
        "fr": (
            "il contient un attribut style=, ce qui est interdit",
            "retirez-le; l’apparence du site vient de sa feuille de style. Utilisez plutôt *italique* ou **gras**",
        ),
    },
    "unsafe_html": {
        "en": (
            "it contains raw HTML, which is not allowed",
            "write Markdown instead: *emphasis*, **bold**, [link text](https://...)",
        ),
        "fr": (
            "il contient du HTML brut, ce qui est interdit",
            "écrivez plutôt en Markdown : *italique*, **gras**, [texte du lien](https://…)",
        ),
    },
    "unsafe_scheme": {
        "en": (
            "it links to a '{scheme}:' address, which is not allowed",
            "use an https://, http://, mailto: or tel: address, or the path of another page of the site",
        ),
        "fr": (
            "il renvoie à une adresse « {scheme}: », ce qui est interdit",
            "utilisez une adresse https://, http://, « mailto: » ou « tel: », ou le chemin d’une autre page du site",
        ),
    },
    # Contributors and worksheets
    "name_or_glossary": {
        "en": (
            "an organization needs either 'name:' or 'glossary:', not both and not neither",
            "give 'name:' with fr: and en: lines, or 'glossary:' with the id of its entry in data/glossary.yml",
        ),
        "fr": (
            "une organisation a besoin soit de « name: », soit de « glossary: », mais pas des deux ni d’aucun",
            "donnez « name: » avec des lignes « fr: » et « en: », ou « glossary: » avec l’identifiant de son entrée "
            "dans data/glossary.yml",
        ),
    },
    "field_needs": {
        "en": ("a '{kind}' field needs '{name}:'", "add '{name}:' (see the worksheet example in CONTRIBUTING.md)"),
        "fr": (
            "un champ « {kind} » a besoin de « {name}: »",
            "ajoutez « {name}: » (voyez l’exemple de fiche dans CONTRIBUTING.md)",
        ),
    },
    "field_refuses": {
        "en": ("a '{kind}' field does not take '{name}:'", "remove '{name}:', or change 'kind:'"),
        "fr": ("un champ « {kind} » ne prend pas « {name}: »", "retirez « {name}: », ou changez « kind: »"),
    },
    "grid_shape": {
        "en": (
            "a 'grid' has exactly 2 'rows:' and 2 'columns:' headings",
            "list two headings under 'rows:' and two under 'columns:', each with fr: and en:",
        ),
        "fr": (
            "une « grid » a exactement 2 titres sous « rows: » et 2 sous « columns: »",
            "inscrivez deux titres sous « rows: » et deux sous « columns: », chacun avec « fr: » et « en: »",
        ),
    },
    "table_rows_setting": {
        "en": (
            "a 'table' needs exactly one of 'rows:' (a number), 'row_labels:' or 'row_labels_from:'",
            "write 'rows: 5' for five empty rows, or list 'row_labels:'",
        ),
        "fr": (
            "une « table » a besoin d’un seul de ces réglages : « rows: » (un nombre), « row_labels: » ou "
            "« row_labels_from: »",
            "écrivez « rows: 5 » pour cinq lignes vides, ou énumérez les « row_labels: »",
        ),
    },
    "table_rows_range": {
        "en": ("'rows:' should be between 1 and 20", "write a number of empty rows from 1 to 20"),
        "fr": ("« rows: » doit être entre 1 et 20", "écrivez un nombre de lignes vides de 1 à 20"),
    },
    # References between files
    "unknown_objective": {
        "en": ("'{value}' is not a known objective", "use one of: {choices}"),
        "fr": ("« {value} » n’est pas un objectif connu", "utilisez l’un de ceux-ci : {choices}"),
    },
    "unknown_audience": {
        "en": ("'{value}' is not a known audience", "use one of: {choices}"),
        "fr": ("« {value} » n’est pas un public connu", "utilisez l’un de ceux-ci : {choices}"),
    },
    "unknown_glossary": {
        "en": (
            "'{value}' is not an entry of data/glossary.yml",
            "use one of: {choices}, or add the entry to data/glossary.yml",
        ),
        "fr": (
            "« {value} » n’est pas une entrée de data/glossary.yml",
            "utilisez l’une de celles-ci : {choices}, ou ajoutez l’entrée à data/glossary.yml",
        ),
    },
    "unknown_organization": {
        "en": (
            "'{value}' is not an organization listed under 'organizations:'",
            "use one of: {choices}, or add the organization with its French and English names",
        ),
        "fr": (
            "« {value} » n’est pas une organisation inscrite sous « organizations: »",
            "utilisez l’une de celles-ci : {choices}, ou ajoutez l’organisation avec ses noms français et anglais",
        ),
    },
    "unknown_slot": {
        "en": ("'{value}' is not a page that shows worksheets", "use one of: {choices}"),
        "fr": ("« {value} » n’est pas une page qui affiche des fiches", "utilisez l’une de celles-ci : {choices}"),
    },
    "duplicate_position": {
        "en": (
            "{other} already has position {position}",
            "give each file its own position number (the order on the page)",
        ),
        "fr": (
            "{other} a déjà la position {position}",
            "donnez à chaque fichier son propre numéro de position (l’ordre sur la page)",
        ),
    },
    "duplicate_field_id": {
        "en": (
            "another field in this worksheet already has id '{field_id}'",
            "give each field its own id (answers are saved under it)",
        ),
        "fr": (
            "un autre champ de cette fiche a déjà l’identifiant « {field_id} »",
            "donnez à chaque champ son propre identifiant (les réponses sont enregistrées sous celui-ci)",
        ),
    },
    "duplicate_pair": {
        "en": (
            "{other} already holds the message for objective '{objective}' and audience '{audience}'",
            "each pair has exactly one file: edit that file instead, or correct 'objective:'/'audience:' here",
        ),
        "fr": (
            "{other} contient déjà le message pour l’objectif « {objective} » et le public « {audience} »",
            "chaque paire a un seul fichier : modifiez plutôt ce fichier, ou corrigez « objective: » ou "
            "« audience: » ici",
        ),
    },
    "missing_pair": {
        "en": (
            "no message for objective '{objective}' and audience '{audience}' (the guide has one for each of the 16 "
            "pairs)",
            "create data/messages/{objective}/{audience}.yml from another message file",
        ),
        "fr": (
            "aucun message pour l’objectif « {objective} » et le public « {audience} » (le guide en a un pour "
            "chacune des 16 paires)",
            "créez data/messages/{objective}/{audience}.yml à partir d’un autre fichier de message",
        ),
    },
    "examples_differ": {
        "en": (
            "the two example files hold different data (only their comments may differ)",
            "make the same change in data/examples/message.fr.yml and data/examples/message.en.yml",
        ),
        "fr": (
            "les deux fichiers d’exemple contiennent des données différentes (seuls leurs commentaires "
            "peuvent différer)",
            "faites la même modification dans data/examples/message.fr.yml et data/examples/message.en.yml",
        ),
    },
    "case_question_unknown": {
        "en": ("'{value}' is not one of the guide's planning questions", "use one of: {choices}"),
        "fr": (
            "« {value} » n’est pas une des questions de planification du guide",
            "utilisez l’une de celles-ci : {choices}",
        ),
    },
    "case_question_missing": {
        "en": (
            "the case study says nothing for '{key}'",
            "add '{key}:' under 'questions:' with fr: and en:, even a short sentence on what the source shows",
        ),
        "fr": (
            "l’étude de cas ne dit rien pour « {key} »",
            "ajoutez « {key}: » sous « questions: » avec « fr: » et « en: », même une phrase courte sur ce que montre "
            "la source",
        ),
    },
    "case_study_without_page": {
        "en": (
            "this case study has no page in {tree}/",
            "create {tree}/{id}.md holding the line <!-- bdw:case-study {id} --> and add it to the nav in mkdocs.yml",
        ),
        "fr": (
            "cette étude de cas n’a pas de page dans {tree}/",
            "créez {tree}/{id}.md contenant la ligne <!-- bdw:case-study {id} --> et ajoutez-la au menu (nav) de "
            "mkdocs.yml",
        ),
    },
    "activity_without_page": {
        "en": (
            "this activity has no page in {tree}/",
            "create {tree}/{id}.md holding the line <!-- bdw:activity {id} --> and add it to the nav in mkdocs.yml",
        ),
        "fr": (
            "cette activité n’a pas de page dans {tree}/",
            "créez {tree}/{id}.md contenant la ligne <!-- bdw:activity {id} --> et ajoutez-la au menu (nav) de "
            "mkdocs.yml",
        ),
    },
    "worksheet_without_page": {
        "en": (
            "this worksheet has no page in {tree}/",
            "create {tree}/{id}.md holding the line <!-- bdw:worksheet {id} --> and add it to the nav in mkdocs.yml",
        ),
        "fr": (
            "cette fiche n’a pas de page dans {tree}/",
            "créez {tree}/{id}.md contenant la ligne <!-- bdw:worksheet {id} --> et ajoutez-la au menu (nav) de "
            "mkdocs.yml",
        ),
    },
    # Translation status (see translation.py)
    "translation_missing_fr": {
        "en": ("this text has English but no French", "add 'fr:' beside 'en:' with the French text"),
        "fr": (
            "ce texte a une version anglaise, mais pas de version française",
            "ajoutez « fr: » à côté de « en: » avec le texte français",
        ),
    },
    "translation_missing_en": {
        "en": ("this text has French but no English", "add 'en:' beside 'fr:' with the English text"),
        "fr": (
            "ce texte a une version française, mais pas de version anglaise",
            "ajoutez « en: » à côté de « fr: » avec le texte anglais",
        ),
    },
    "page_missing_fr": {
        "en": ("this page has no French version", "create {counterpart} with the French text (same headings)"),
        "fr": (
            "cette page n’a pas de version française",
            "créez {counterpart} avec le texte français (mêmes intertitres)",
        ),
    },
    "page_missing_en": {
        "en": ("this page has no English version", "create {counterpart} with the English text (same headings)"),
        "fr": (
            "cette page n’a pas de version anglaise",
            "créez {counterpart} avec le texte anglais (mêmes intertitres)",
        ),
    },
}

# Markers in docs/ pages (<!-- bdw:... -->), reported at their line.
CATALOGUE.update(
    {
        "marker_unknown": {
            "en": ("unknown marker 'bdw:{kind}'; known: {known}", "correct the name after 'bdw:', or delete the line"),
            "fr": (
                "marqueur inconnu « bdw:{kind} »; marqueurs connus : {known}",
                "corrigez le nom après « bdw: », ou supprimez la ligne",
            ),
        },
        "marker_question": {
            "en": ("'bdw:{marker}' needs a question number from 1 to {count}", "correct the marker on this line"),
            "fr": (
                "« bdw:{marker} » demande un numéro de question de 1 à {count}",
                "corrigez le marqueur de cette ligne",
            ),
        },
        "marker_worksheet": {
            "en": (
                "'bdw:{marker}' names no file in data/worksheets; known: {known}",
                "correct the marker on this line",
            ),
            "fr": (
                "« bdw:{marker} » ne nomme aucun fichier de data/worksheets; fiches connues : {known}",
                "corrigez le marqueur de cette ligne",
            ),
        },
        "marker_slot": {
            "en": (
                "'bdw:{marker}' names no page that shows worksheets; known: {known}",
                "correct the marker on this line",
            ),
            "fr": (
                "« bdw:{marker} » ne nomme aucune page qui affiche des fiches; pages connues : {known}",
                "corrigez le marqueur de cette ligne",
            ),
        },
        "marker_activity": {
            "en": ("'bdw:{marker}' names no file in data/activities; known: {known}", ""),
            "fr": ("« bdw:{marker} » ne nomme aucun fichier de data/activities; activités connues : {known}", ""),
        },
        "marker_case_study": {
            "en": (
                "'bdw:{marker}' names no file in data/case-studies; known: {known}",
                "correct the marker on this line",
            ),
            "fr": (
                "« bdw:{marker} » ne nomme aucun fichier de data/case-studies; études connues : {known}",
                "corrigez le marqueur de cette ligne",
            ),
        },
        "marker_audience": {
            "en": ("'bdw:{marker}' names no known audience; known: {known}", "correct the marker on this line"),
            "fr": (
                "« bdw:{marker} » ne nomme aucun public connu; publics connus : {known}",
                "corrigez le marqueur de cette ligne",
            ),
        },
        "marker_objective": {
            "en": ("'bdw:{marker}' names no known objective; known: {known}", "correct the marker on this line"),
            "fr": (
                "« bdw:{marker} » ne nomme aucun objectif connu; objectifs connus : {known}",
                "corrigez le marqueur de cette ligne",
            ),
        },
    }
)

# The YAML parser's own words for the mistakes contributors make most often.
YAML_DETAILS_FR: dict[str, str] = {
    "mapping values are not allowed here": "un « : » est mal placé (texte à mettre entre guillemets?)",
    "mapping values are not allowed in this context": "un « : » est mal placé (texte à mettre entre guillemets?)",
    "could not find expected ':'": "il manque un « : » après une clé",
    "found character '\\t' that cannot start any token": "une tabulation sert de retrait; utilisez des espaces",
    "found character that cannot start any token": "un caractère ne peut pas commencer une valeur ici (une tabulation "
    "sert-elle de retrait? utilisez des espaces)",
    "expected <block end>, but found '<block mapping start>'": "le retrait de cette ligne ne correspond pas aux autres",
    "expected <block end>, but found '-'": "un élément de liste « - » est mal aligné",
    "found undefined alias": "un « * » en début de texte (mettez le texte entre guillemets)",
    "found unexpected end of stream": "un guillemet ou un crochet n’est pas refermé",
    "found unknown escape character": "une barre oblique inverse « \\ » dans un texte entre guillemets",
}

REPORT: dict[str, Texts] = {
    "head": {
        "en": ("{count} problem in the guide's data:", "{count} problems in the guide's data:"),
        "fr": ("{count} problème dans les données du guide :", "{count} problèmes dans les données du guide :"),
    },
}

# Lines of the reports printed by `python -m bdw_guide check`: (singular, plural) or (text, "").
REPORT.update(
    {
        "data_ok": {
            "en": (
                "Data OK: {objectives} objectives, {audiences} audiences, {messages} messages, {questions} planning "
                "questions, {activities} activities, {case_studies} case studies, {worksheets} worksheets, {abbreviations} abbreviations, {ui} "
                "interface strings, in French and English.",
                "",
            ),
            "fr": (
                "Données valides : {objectives} objectifs, {audiences} publics, {messages} messages, {questions} questions "
                "de planification, {activities} activités, {case_studies} études de cas, {worksheets} fiches, {abbreviations} abréviations, {ui} "
                "libellés d’interface, en français et en anglais.",
                "",
            ),
        },
        "unnamed_sources": {
            "en": (
                "Note for editors: {count} cited claims have a source the guide does not name "
                "(see: python -m bdw_guide sources).",
                "",
            ),
            "fr": (
                "Note aux réviseurs : {count} affirmations citées ont une source que le guide ne nomme pas "
                "(voyez : python -m bdw_guide sources).",
                "",
            ),
        },
        # `python -m bdw_guide sources`: a Markdown report for editors.
        "sources_title": {
            "en": ("# Claims cited in the guide whose source it does not name", ""),
            "fr": ("# Affirmations citées dans le guide dont la source n’est pas nommée", ""),
        },
        "sources_intro": {
            "en": (
                "The guide links each of these claims to a source, but the text we have does not say which one. "
                "The site cites the guide itself and its page instead. Find the reference and add it as `source:` "
                "to the fact (keep `guide_page:`).",
                "",
            ),
            "fr": (
                "Le guide rattache chacune de ces affirmations à une source, mais le texte dont nous disposons ne dit "
                "pas laquelle. Le site cite plutôt le guide lui-même et sa page. Trouvez la référence et ajoutez-la "
                "au fait comme «\u00a0source:\u00a0» (gardez «\u00a0guide_page:\u00a0»).",
                "",
            ),
        },
        "sources_columns": {
            "en": ("| File | Page | Claim (French) | Claim (English) |", ""),
            "fr": ("| Fichier | Page | Affirmation (français) | Affirmation (anglais) |", ""),
        },
        "sources_count": {
            "en": ("{count} claim.", "{count} claims."),
            "fr": ("{count} affirmation.", "{count} affirmations."),
        },
        # The field of a problem with a whole file rather than one of its fields.
        "whole_file": {"en": ("(file)", ""), "fr": ("(fichier)", "")},
        "translation_ok": {
            "en": ("Translations: no gaps between French and English in data/ and docs/.", ""),
            "fr": ("Traductions : aucun écart entre le français et l’anglais dans data/ et docs/.", ""),
        },
        "translation_gaps": {
            "en": (
                "Translations: {count} gap between French and English:",
                "Translations: {count} gaps between French and English:",
            ),
            "fr": (
                "Traductions : {count} écart entre le français et l’anglais :",
                "Traductions : {count} écarts entre le français et l’anglais :",
            ),
        },
        "stale_none": {
            "en": ("Likely out-of-date translations: none (each text changed with its counterpart).", ""),
            "fr": ("Traductions probablement périmées : aucune (chaque texte a changé avec son pendant).", ""),
        },
        "stale_head": {
            "en": (
                "Likely out-of-date translation ({count}), older in git than its counterpart:",
                "Likely out-of-date translations ({count}), older in git than their counterparts:",
            ),
            "fr": (
                "Traduction probablement périmée ({count}), plus ancienne dans git que son pendant :",
                "Traductions probablement périmées ({count}), plus anciennes dans git que leur pendant :",
            ),
        },
        "stale_line": {
            "en": (
                "{where}: {field}: the {older} text was last changed on {older_date}, the {newer} one on {newer_date}. "
                "Check that it still says the same thing, and update it if not.",
                "",
            ),
            "fr": (
                "{where}: {field}: le texte {older} a changé pour la dernière fois le {older_date}, le texte {newer} le "
                "{newer_date}. Vérifiez qu’il dit encore la même chose et mettez-le à jour au besoin.",
                "",
            ),
        },
        "stale_unmeasured": {
            "en": ("Likely out-of-date translations: not measured (this folder is not a git checkout).", ""),
            "fr": ("Traductions probablement périmées : non mesurées (ce dossier n’est pas un dépôt git).", ""),
        },
        "language_en": {"en": ("English", ""), "fr": ("anglais", "")},
        "language_fr": {"en": ("French", ""), "fr": ("français", "")},
    }
)

# Limits on data files, odd files and folders, placeholders of interface texts (issue 13: input).
CATALOGUE.update(
    {
        "yaml_anchor": {
            "en": (
                "YAML anchors and aliases (here '{found}') are not used in data files",
                "write the text out in full wherever it is needed and remove the & and * marks; if '{found}' is "
                "part of the text, put the whole text in quotes",
            ),
            "fr": (
                "les ancres et les alias YAML (ici « {found} ») ne servent pas dans les fichiers de données",
                "écrivez le texte en entier partout où il le faut et retirez les marques & et *; si « {found} » "
                "fait partie du texte, mettez tout le texte entre guillemets",
            ),
        },
        "yaml_merge_key": {
            "en": (
                "a merge key '<<:' is not used in data files",
                "write out each field it would copy, then delete the '<<:' line",
            ),
            "fr": (
                "une clé de fusion « <<: » ne sert pas dans les fichiers de données",
                "écrivez chacun des champs qu’elle copierait, puis supprimez la ligne « <<: »",
            ),
        },
        "too_deep": {
            "en": (
                "the blocks of this file are nested more than {limit} levels deep; no data file needs that many",
                "compare the indentation with the version on the main branch (two spaces per level)",
            ),
            "fr": (
                "les blocs de ce fichier sont imbriqués sur plus de {limit} niveaux; aucun fichier de données "
                "n’en demande autant",
                "comparez le retrait avec la version de la branche main (deux espaces par niveau)",
            ),
        },
        "invisible_character": {
            "en": (
                "this line holds an invisible character ({char}) that changes the direction of the text or hides "
                "inside a word, often left by text copied from a web page or a PDF",
                "delete it: retype the text of this line by hand, then save (no-break spaces are fine)",
            ),
            "fr": (
                "cette ligne contient un caractère invisible ({char}) qui change le sens de l’écriture ou se cache "
                "dans un mot, souvent laissé par un texte copié d’une page Web ou d’un PDF",
                "supprimez-le : retapez à la main le texte de cette ligne, puis enregistrez (les espaces insécables "
                "sont permises)",
            ),
        },
        "file_too_large": {
            "en": (
                "the file is {size} KB; a data file may be at most {limit} KB, many times the largest real one",
                "shorten it or split it into several files; a file this large is usually a paste gone wrong",
            ),
            "fr": (
                "le fichier pèse {size} Ko; un fichier de données pèse au plus {limit} Ko, plusieurs fois le plus "
                "gros fichier réel",
                "raccourcissez-le ou répartissez-le en plusieurs fichiers; un fichier aussi gros vient souvent d’un "
                "collage raté",
            ),
        },
        "file_unreadable": {
            "en": (
                "the file cannot be read (its permissions forbid it)",
                "give it read permission (chmod a+r), or restore it from the repository's main branch",
            ),
            "fr": (
                "le fichier ne peut pas être lu (ses permissions l’interdisent)",
                "donnez-lui la permission de lecture (chmod a+r), ou rétablissez-le à partir de la branche main "
                "du dépôt",
            ),
        },
        "folder_unreadable": {
            "en": (
                "this folder cannot be read (its permissions forbid it)",
                "give it read and search permission (chmod a+rx), or restore it from the repository's main branch",
            ),
            "fr": (
                "ce dossier ne peut pas être lu (ses permissions l’interdisent)",
                "donnez-lui les permissions de lecture et de parcours (chmod a+rx), ou rétablissez-le à partir de "
                "la branche main du dépôt",
            ),
        },
        "symlink_outside": {
            "en": (
                "this is a symbolic link to a file outside the repository, which the site never reads",
                "replace the link with a real file holding the text, or delete it",
            ),
            "fr": (
                "ceci est un lien symbolique vers un fichier hors du dépôt, que le site ne lit jamais",
                "remplacez le lien par un vrai fichier contenant le texte, ou supprimez-le",
            ),
        },
        "symlink_inside": {
            "en": (
                "this is a symbolic link (to {target}); data files and pages are real files, each edited and "
                "counted once",
                "replace the link with a copy of {target}, or delete it",
            ),
            "fr": (
                "ceci est un lien symbolique (vers {target}); les fichiers de données et les pages sont de vrais "
                "fichiers, chacun modifié et compté une seule fois",
                "remplacez le lien par une copie de {target}, ou supprimez-le",
            ),
        },
        "folder_named_like_file": {
            "en": (
                "this is a folder, but its name ends in {suffix} like a file's",
                "a data file or a page must be a file: delete the folder or rename it without {suffix}; if it "
                "replaced a file, restore that file from the main branch",
            ),
            "fr": (
                "ceci est un dossier, mais son nom se termine par {suffix} comme celui d’un fichier",
                "un fichier de données ou une page doit être un fichier : supprimez le dossier ou renommez-le sans "
                "{suffix}; s’il a remplacé un fichier, rétablissez ce fichier à partir de la branche main",
            ),
        },
        "file_where_folder": {
            "en": (
                "this should be a folder, but it is a file",
                "delete the file and restore the folder {name}/ from the repository's main branch",
            ),
            "fr": (
                "ceci doit être un dossier, mais c’est un fichier",
                "supprimez le fichier et rétablissez le dossier {name}/ à partir de la branche main du dépôt",
            ),
        },
        "unexpected_folder": {
            "en": (
                "data/{folder} holds only .yml files, not folders",
                "move the files of this folder up into data/{folder}, then delete the folder",
            ),
            "fr": (
                "data/{folder} ne contient que des fichiers .yml, pas de dossiers",
                "remontez les fichiers de ce dossier dans data/{folder}, puis supprimez le dossier",
            ),
        },
        "not_regular_file": {
            "en": (
                "this is not an ordinary file (it is a named pipe, a socket or a device)",
                "delete it; only text files and folders belong here",
            ),
            "fr": (
                "ceci n’est pas un fichier ordinaire (c’est un tube nommé, un connecteur ou un périphérique)",
                "supprimez-le; seuls des fichiers texte et des dossiers vont ici",
            ),
        },
        "name_not_utf8": {
            "en": (
                "this name is not written in UTF-8 (its odd bytes are shown as \\x..), so it cannot be shown or "
                "linked to",
                "rename it with letters, digits and hyphens (for example with git mv)",
            ),
            "fr": (
                "ce nom n’est pas écrit en UTF-8 (ses octets étranges sont affichés en \\x..), il ne peut donc "
                "être ni affiché ni lié",
                "renommez-le avec des lettres, des chiffres et des traits d’union (par exemple avec git mv)",
            ),
        },
        "name_invisible": {
            "en": (
                "this name holds an invisible or control character ({char}, shown as \\u....)",
                "rename it with visible letters, digits and hyphens",
            ),
            "fr": (
                "ce nom contient un caractère invisible ou de contrôle ({char}, affiché en \\u....)",
                "renommez-le avec des lettres, des chiffres et des traits d’union visibles",
            ),
        },
        "ui_placeholder_unknown": {
            "en": ("'{found}' is not a placeholder this text can use", "use only {allowed}, written exactly so"),
            "fr": (
                "« {found} » n’est pas un paramètre que ce texte peut employer",
                "employez seulement {allowed}, écrits exactement ainsi",
            ),
        },
        "ui_placeholder_none": {
            "en": (
                "'{found}' looks like a placeholder, but this text takes none",
                "remove the braces and what is between them",
            ),
            "fr": (
                "« {found} » ressemble à un paramètre, mais ce texte n’en prend aucun",
                "retirez les accolades et ce qu’elles entourent",
            ),
        },
        "ui_brace": {
            "en": (
                "a lone '{brace}': braces only mark placeholders in interface texts",
                "remove it, or complete the placeholder (this text can use {allowed})",
            ),
            "fr": (
                "« {brace} » isolée : les accolades servent seulement à marquer les paramètres des textes d’interface",
                "retirez-la, ou complétez le paramètre (ce texte peut employer {allowed})",
            ),
        },
        "ui_brace_none": {
            "en": ("a lone '{brace}': braces only mark placeholders, and this text takes none", "remove it"),
            "fr": (
                "« {brace} » isolée : les accolades servent seulement à marquer les paramètres, et ce texte n’en "
                "prend aucun",
                "retirez-la",
            ),
        },
        "ui_placeholder_missing_en": {
            "en": (
                "this text lacks {missing}, which the French text uses",
                "add {missing} where it belongs in the sentence, or remove it from the French text",
            ),
            "fr": (
                "ce texte n’a pas {missing}, que le texte français emploie",
                "ajoutez {missing} à sa place dans la phrase, ou retirez-le du texte français",
            ),
        },
        "ui_placeholder_missing_fr": {
            "en": (
                "this text lacks {missing}, which the English text uses",
                "add {missing} where it belongs in the sentence, or remove it from the English text",
            ),
            "fr": (
                "ce texte n’a pas {missing}, que le texte anglais emploie",
                "ajoutez {missing} à sa place dans la phrase, ou retirez-le du texte anglais",
            ),
        },
    }
)

# Post drafts (data/posts/<objective>/<audience>.yml, see posts.py) — issue 17.
CATALOGUE.update(
    {
        "post_too_long": {
            "en": (
                "this {platform} draft is {count} long as {platform} counts it, over its limit of {limit} "
                "(the hashtag added at the end counts too)",
                "shorten it by at least {over}, keeping its point, its ask and its figures as the message gives them",
            ),
            "fr": (
                "cette publication pour {platform} compte {count} caractères selon le décompte de {platform}, au-delà "
                "de sa limite de {limit} (le mot-clic ajouté à la fin compte aussi)",
                "raccourcissez-la d’au moins {over}, en gardant l’idée, la demande et les chiffres tels que le message "
                "les donne",
            ),
        },
        "post_opening_too_long": {
            "en": (
                "the first line of this {platform} draft is {count} characters long, but {platform} shows only about "
                "the first {visible} before it folds the post",
                "make the first line the point of the message in at most {visible} characters, then start a new line",
            ),
            "fr": (
                "la première ligne de cette publication pour {platform} compte {count} caractères, mais {platform} "
                "n’affiche qu’environ les {visible} premiers avant de replier la publication",
                "faites de la première ligne l’idée du message en {visible} caractères au plus, puis changez de ligne",
            ),
        },
        "post_hashtag_typed": {
            "en": (
                "this draft holds the campaign hashtag {tag}, which is already added at the end of every draft",
                "remove it from the text",
            ),
            "fr": (
                "cette publication contient le mot-clic de la campagne {tag}, déjà ajouté à la fin de chaque "
                "publication",
                "retirez-le du texte",
            ),
        },
        "post_figure_unknown": {
            "en": (
                "this draft gives a figure its message does not ({figure})",
                "use only the figures of the message (headline, message, ask, facts), or take this one out",
            ),
            "fr": (
                "cette publication donne un chiffre que son message ne donne pas ({figure})",
                "n’utilisez que les chiffres du message (titre, message, demande, faits), ou retirez celui-ci",
            ),
        },
        "posts_missing": {
            "en": (
                "the message {message} has no post drafts",
                "create this file with one draft per platform (x, bluesky, mastodon, linkedin, instagram, facebook), "
                "each with fr: and en:; copy another file of data/posts and rewrite it",
            ),
            "fr": (
                "le message {message} n’a pas de publications",
                "créez ce fichier avec une publication par plateforme (x, bluesky, mastodon, linkedin, instagram, "
                "facebook), chacune avec « fr: » et « en: »; copiez un autre fichier de data/posts et réécrivez-le",
            ),
        },
        "posts_unknown_pair": {
            "en": (
                "this file matches no message: post drafts go in data/posts/<objective>/<audience>.yml",
                "rename it after its message's objective ({objectives}) and audience ({audiences})",
            ),
            "fr": (
                "ce fichier ne correspond à aucun message : les publications vont dans "
                "data/posts/<objectif>/<public>.yml",
                "renommez-le d’après l’objectif ({objectives}) et le public ({audiences}) de son message",
            ),
        },
    }
)

# Issue 13 (security half): one rule for every contributed text, docs/ pages and their front matter.
_NB = "\u00a0"
CATALOGUE.update(
    {
        "unsafe_comment": {
            "en": (
                "it contains an HTML comment <!-- -->, which is not allowed (the only comments are the site's "
                "markers <!-- bdw:... -->)",
                "delete the comment; a note for other contributors belongs in the pull request",
            ),
            "fr": (
                "il contient un commentaire HTML <!-- -->, ce qui est interdit (les seuls commentaires permis sont "
                "les marqueurs du site <!-- bdw:… -->)",
                "supprimez le commentaire; une note pour les autres "
                "personnes qui contribuent va dans la demande de tirage",
            ),
        },
        "unsafe_attribute": {
            "en": (
                "it sets the attribute '{name}' in an attribute list {{: ... }}, which is not allowed",
                "an attribute list may set only an id ({{: #my-id }}) or a class ({{: .my-class }}); write links "
                "as [text](https://...)",
            ),
            "fr": (
                f"il donne l’attribut «{_NB}{{name}}{_NB}» dans une liste d’attributs «{_NB}{{{{: … }}}}{_NB}», ce qui est interdit",
                "une liste d’attributs ne peut donner qu’un identifiant ({{: #mon-id }}) ou une classe "
                "({{: .ma-classe }}); écrivez les liens sous la forme [texte](https://…)",
            ),
        },
        "unsafe_id": {
            "en": (
                "the id '{value}' starts with two underscores, like the theme's own ids",
                "choose an id that starts with a letter, such as 'my-section'",
            ),
            "fr": (
                f"l’identifiant «{_NB}{{value}}{_NB}» commence par deux soulignés, comme ceux du thème",
                f"choisissez un identifiant qui commence par une lettre, comme «{_NB}ma-section{_NB}»",
            ),
        },
        "unsafe_image": {
            "en": (
                "it shows an image from '{address}'; images may only come from the site itself",
                "put the image under docs/, next to the page, and write its path relative to the page, such as "
                "![description](images/photo.png)",
            ),
            "fr": (
                f"il affiche une image venant de «{_NB}{{address}}{_NB}»; les images doivent venir du site lui-même",
                "placez l’image sous docs/, près de la page, et écrivez son chemin à partir de la page, par exemple "
                "![description](images/photo.png)",
            ),
        },
        "marker_malformed": {
            "en": (
                "'{text}' looks like a marker of the site but is not written like one",
                "write it on a line of its own as <!-- bdw:name --> or <!-- bdw:name id -->, in lowercase "
                "(the known names are listed in README.md)",
            ),
            "fr": (
                f"«{_NB}{{text}}{_NB}» ressemble à un marqueur du site, mais n’est pas écrit comme tel",
                "écrivez-le seul sur sa ligne, sous la forme <!-- bdw:nom --> ou <!-- bdw:nom id -->, en minuscules "
                "(les noms connus sont dans README.md)",
            ),
        },
        "front_matter_yaml": {
            "en": (
                "the page settings between the '---' lines are not valid YAML: {detail}",
                "write one setting per line as 'key: value' (see the list of settings in CONTRIBUTING.md), "
                "with the text in quotes if it contains ': '",
            ),
            "fr": (
                f"les réglages de la page entre les lignes «{_NB}---{_NB}» ne sont pas du YAML valide{_NB}: {{detail}}",
                f"écrivez un réglage par ligne sous la forme «{_NB}clé: valeur{_NB}» (voyez la liste des réglages "
                f"dans CONTRIBUTING.md), et le texte entre guillemets s’il contient «{_NB}:{_NB}»",
            ),
        },
        "front_matter_alias": {
            "en": (
                "the page settings use a YAML anchor (&) or alias (*)",
                "write each setting in full; a text that starts with & or * goes in quotes",
            ),
            "fr": (
                "les réglages de la page utilisent une ancre (&) ou un alias (*) YAML",
                "écrivez chaque réglage en entier; un texte qui commence par & ou * se met entre guillemets",
            ),
        },
        "front_matter_not_mapping": {
            "en": (
                "the page settings between the '---' lines should be lines 'key: value'",
                "write one setting per line, such as 'title: My page', or delete the two '---' lines",
            ),
            "fr": (
                f"les réglages de la page entre les lignes «{_NB}---{_NB}» doivent être des lignes «{_NB}clé: valeur{_NB}»",
                f"écrivez un réglage par ligne, comme «{_NB}title: Ma page{_NB}», ou supprimez les deux lignes "
                f"«{_NB}---{_NB}»",
            ),
        },
        "front_matter_unknown": {
            "en": (
                "'{name}' is not a page setting of this site",
                "use one of: {choices} (see CONTRIBUTING.md), or delete the line",
            ),
            "fr": (
                f"«{_NB}{{name}}{_NB}» n’est pas un réglage de page de ce site",
                f"utilisez l’un de ceux-ci (voyez CONTRIBUTING.md), ou supprimez la ligne{_NB}: {{choices}}",
            ),
        },
        "front_matter_unknown_close": {
            "en": ("'{name}' is not a page setting of this site", "did you mean '{close}'? Rename it"),
            "fr": (
                f"«{_NB}{{name}}{_NB}» n’est pas un réglage de page de ce site",
                f"vouliez-vous écrire «{_NB}{{close}}{_NB}»? Renommez-le",
            ),
        },
        "front_matter_meta_lines": {
            "en": (
                "the first line of the page reads as a page setting ('{name}: ...') and would vanish from the page",
                "start the page with its title ('# Title'), or leave a blank line before this text",
            ),
            "fr": (
                f"la première ligne de la page se lit comme un réglage de page («{_NB}{{name}}: …{_NB}») et "
                "disparaîtrait de la page",
                f"commencez la page par son titre («{_NB}# Titre{_NB}»), ou laissez une ligne vide avant ce texte",
            ),
        },
        "front_matter_not_text": {
            "en": (
                "'{name}' should be a text",
                "write the text after the colon, in quotes if it looks like a number, yes/no or a date",
            ),
            "fr": (
                f"«{_NB}{{name}}{_NB}» doit être un texte",
                "écrivez le texte après le deux-points, entre guillemets s’il ressemble à un nombre, à yes/no ou à "
                "une date",
            ),
        },
        "front_matter_hide": {
            "en": ("'hide:' should list what to hide from: {choices}", "write each on its own line as '  - toc'"),
            "fr": (
                f"«{_NB}hide:{_NB}» doit énumérer ce qu’il faut cacher, parmi{_NB}: {{choices}}",
                f"écrivez chacun sur sa propre ligne, comme «{_NB}  - toc{_NB}»",
            ),
        },
        "front_matter_template": {
            "en": ("'{value}' is not a page template of this site", "use one of: {choices}, or delete the line"),
            "fr": (
                f"«{_NB}{{value}}{_NB}» n’est pas un gabarit de page de ce site",
                f"utilisez l’un de ceux-ci, ou supprimez la ligne{_NB}: {{choices}}",
            ),
        },
        "front_matter_icon": {
            "en": (
                "'{value}' is not an icon of the theme",
                "write an icon name such as 'material/school' (the list: https://squidfunk.github.io/mkdocs-"
                "material/reference/icons-emojis/), or delete the line",
            ),
            "fr": (
                f"«{_NB}{{value}}{_NB}» n’est pas une icône du thème",
                f"écrivez un nom d’icône comme «{_NB}material/school{_NB}» (la liste : https://squidfunk.github.io/"
                "mkdocs-material/reference/icons-emojis/), ou supprimez la ligne",
            ),
        },
    }
)

# Letters to decision makers (data/letters/<objective>/<audience>.yml, see letters.py) — issue 17.
CATALOGUE.update(
    {
        "letter_figure_unknown": {
            "en": (
                "this letter gives a figure its message does not ({figure})",
                "use only the figures of the message (headline, message, ask, facts), or take this one out",
            ),
            "fr": (
                "cette lettre donne un chiffre que son message ne donne pas ({figure})",
                "n’utilisez que les chiffres du message (titre, message, demande, faits), ou retirez celui-ci",
            ),
        },
        "letter_placeholder": {
            "en": (
                "this text holds {found}, which the letter would show as it is",
                "write plain text without braces: the recipient, the sender and the local fact are filled in by the "
                "person writing the letter",
            ),
            "fr": (
                "ce texte contient {found}, que la lettre afficherait tel quel",
                "écrivez un texte simple, sans accolades : la personne qui écrit la lettre remplit elle-même le nom de "
                "la personne destinataire, le sien et le fait local",
            ),
        },
        "letters_unknown_pair": {
            "en": (
                "this file matches no message: letters go in data/letters/<objective>/<audience>.yml",
                "rename it after its message's objective ({objectives}) and audience ({audiences})",
            ),
            "fr": (
                "ce fichier ne correspond à aucun message : les lettres vont dans data/letters/<objectif>/<public>.yml",
                "renommez-le d’après l’objectif ({objectives}) et le public ({audiences}) de son message",
            ),
        },
        "not_https": {
            "en": (
                "'{value}' is not a secure web address",
                "write the full address of the page, starting with https://",
            ),
            "fr": (
                "« {value} » n’est pas une adresse Web sécurisée",
                "écrivez l’adresse complète de la page, qui commence par https://",
            ),
        },
    }
)

# Share graphics (the `graphic:` line of data/posts/<objective>/<audience>.yml, see graphics.py) — issue 17.
CATALOGUE.update(
    {
        "graphic_line_too_long": {
            "en": (
                "this short line for the share graphics is {count} characters long, over its limit of {limit}",
                "shorten it: it goes under the headline, in large type",
            ),
            "fr": (
                "cette ligne des visuels à partager compte {count} caractères, au-delà de sa limite de {limit}",
                "raccourcissez-la : elle s’affiche sous le titre, en gros caractères",
            ),
        },
        "graphic_figure_unknown": {
            "en": (
                "this short line for the share graphics gives a figure its message does not ({figure})",
                "use only the figures of the message (headline, message, ask, facts), or take this one out",
            ),
            "fr": (
                "cette ligne des visuels à partager donne un chiffre que son message ne donne pas ({figure})",
                "n’utilisez que les chiffres du message (titre, message, demande, faits), ou retirez celui-ci",
            ),
        },
        "graphic_alt_too_long": {
            "en": (
                "the alt text of this message's share graphics (objective and audience, headline, this line and the "
                "hashtag) would be {count} characters long, over the {limit} that platforms accept",
                "shorten this line by at least {over} characters",
            ),
            "fr": (
                "le texte de remplacement des visuels de ce message (objectif et public, titre, cette ligne et le "
                "mot-clic) compterait {count} caractères, au-delà des {limit} qu’acceptent les plateformes",
                "raccourcissez cette ligne d’au moins {over} caractères",
            ),
        },
    }
)
