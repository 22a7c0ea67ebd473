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
        "en": ("the file is not saved as UTF-8 text",
               "save it again as UTF-8 (GitHub's web editor always does), and check accented letters on this line"),
        "fr": ("le fichier n’est pas enregistré en texte UTF-8",
               "enregistrez-le de nouveau en UTF-8 (l’éditeur Web de GitHub le fait toujours) et vérifiez les lettres "
               "accentuées de cette ligne"),
    },
    "yaml_syntax": {
        "en": ("YAML syntax error: {detail}",
               "check the indentation (two spaces per level); text that contains ': ' or starts with *, &, #, ! or a "
               "quote must be in quotes or written as a block after '>-'"),
        "fr": ("erreur de syntaxe YAML : {detail}",
               "vérifiez le retrait (deux espaces par niveau); un texte qui contient « : » ou qui commence par *, &, #, ! "
               "ou un guillemet doit être entre guillemets ou écrit en bloc après « >- »"),
    },
    "control_character": {
        "en": ("the file holds an invisible control character ({char}), often left by text copied from a PDF",
               "delete the character (retype the start of this line), then save"),
        "fr": ("le fichier contient un caractère de contrôle invisible ({char}), souvent laissé par un texte copié "
               "d’un PDF", "supprimez ce caractère (retapez le début de cette ligne), puis enregistrez"),
    },
    "empty_file": {
        "en": ("the file is empty", "restore its content, or delete the file if it is not needed"),
        "fr": ("le fichier est vide", "rétablissez son contenu, ou supprimez le fichier s’il ne sert pas"),
    },
    "duplicate_key": {
        "en": ("this key is written twice (first on line {first})", "keep one of the two lines and delete the other"),
        "fr": ("cette clé est écrite deux fois (la première à la ligne {first})",
               "gardez l’une des deux lignes et supprimez l’autre"),
    },
    "wrong_extension": {
        "en": ("only .yml files belong in data/{folder}",
               "rename the file to end in .yml, or move it out of data/{folder}"),
        "fr": ("seuls des fichiers .yml vont dans data/{folder}",
               "renommez le fichier pour qu’il se termine par .yml, ou sortez-le de data/{folder}"),
    },
    "folder_empty": {
        "en": ("this folder has no entries", "restore it from the repository's main branch"),
        "fr": ("ce dossier ne contient aucune entrée", "rétablissez-le à partir de la branche main du dépôt"),
    },
    "not_keyed_file": {
        "en": ("the file should be a list of entries 'id:' with fields under each",
               "compare it with the version on the main branch"),
        "fr": ("le fichier doit être une liste d’entrées « id: » avec leurs champs en retrait",
               "comparez-le avec la version de la branche main"),
    },
    "message_not_mapping": {
        "en": ("a message file should be a set of fields (objective:, audience:, message:...)",
               "compare it with another file in data/messages"),
        "fr": ("un fichier de message doit être un ensemble de champs (objective:, audience:, message:…)",
               "comparez-le avec un autre fichier de data/messages"),
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
        "fr": ("« {name} » n’est pas un champ permis dans ce fichier",
               "supprimez-le, ou vérifiez son orthographe et son retrait"),
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
        "fr": ("cet identifiant doit être fait de minuscules et de chiffres reliés par des tirets",
               "écrivez-le comme « first-steps »"),
    },
    "not_text": {
        "en": ("this should be a text",
               "write the text after the colon; put quotes around it if it looks like a number or yes/no"),
        "fr": ("ceci doit être un texte",
               "écrivez le texte après le deux-points; mettez-le entre guillemets s’il ressemble à un nombre ou à yes/no"),
    },
    "not_fields": {
        "en": ("this should hold indented fields, such as 'fr:' and 'en:'",
               "put each field on its own line under this one, indented by two more spaces"),
        "fr": ("ceci doit contenir des champs en retrait, comme « fr: » et « en: »",
               "placez chaque champ sur sa propre ligne sous celle-ci, avec deux espaces de retrait de plus"),
    },
    "not_list": {
        "en": ("this should be a list", "start each item on its own line with '- ', indented under this field"),
        "fr": ("ceci doit être une liste",
               "commencez chaque élément sur sa propre ligne par « - », en retrait sous ce champ"),
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
        "en": ("this value cannot be used ({detail})", "check this field against the commented example in CONTRIBUTING.md"),
        "fr": ("cette valeur ne peut pas servir ({detail})",
               "comparez ce champ avec l’exemple commenté dans CONTRIBUTING.md"),
    },
    "empty_text": {
        "en": ("the text is empty", "write the text after the colon, or use '>-' and indent the text on the next lines"),
        "fr": ("le texte est vide",
               "écrivez le texte après le deux-points, ou écrivez « >- » et le texte en retrait aux lignes suivantes"),
    },
    # Text that could run code or break the page
    "unsafe_script": {
        "en": ("it contains a <script> tag, which is not allowed",
               "remove the tag; messages are plain text with Markdown (*emphasis*, **bold**, [text](https://...))"),
        "fr": ("il contient une balise <script>, ce qui est interdit",
               "retirez la balise; les messages sont du texte simple en Markdown (*italique*, **gras**, "
               "[texte](https://…))"),
    },
    "unsafe_iframe": {
        "en": ("it contains an <iframe> tag, which is not allowed",
               "remove the tag; to point to a video or page, write a Markdown link [text](https://...)"),
        "fr": ("il contient une balise <iframe>, ce qui est interdit",
               "retirez la balise; pour renvoyer à une vidéo ou à une page, écrivez un lien Markdown [texte](https://…)"),
    },
    "unsafe_js_link": {
        "en": ("it contains a javascript: link, which is not allowed",
               "use an ordinary https:// address in the link, or remove the link"),
        "fr": ("il contient un lien javascript:, ce qui est interdit",
               "utilisez une adresse https:// ordinaire dans le lien, ou retirez le lien"),
    },
    "unsafe_event": {
        "en": ("it contains an HTML event attribute (such as onclick= or onerror=), which is not allowed",
               "remove the attribute; text cannot run code"),
        "fr": ("il contient un attribut d’événement HTML (comme onclick= ou onerror=), ce qui est interdit",
               "retirez l’attribut; un texte ne peut pas exécuter de code"),
    },
    "unsafe_style": {
        "en": ("it contains a style= attribute, which is not allowed",
               "remove it; the site's look comes from its stylesheet. Use *emphasis* or **bold** instead"),
        "fr": ("il contient un attribut style=, ce qui est interdit",
               "retirez-le; l’apparence du site vient de sa feuille de style. Utilisez plutôt *italique* ou **gras**"),
    },
    "unsafe_html": {
        "en": ("it contains raw HTML, which is not allowed",
               "write Markdown instead: *emphasis*, **bold**, [link text](https://...)"),
        "fr": ("il contient du HTML brut, ce qui est interdit",
               "écrivez plutôt en Markdown : *italique*, **gras**, [texte du lien](https://…)"),
    },
    "unsafe_scheme": {
        "en": ("it links to a '{scheme}:' address, which is not allowed", "use an https:// or mailto: address"),
        "fr": ("il renvoie à une adresse « {scheme}: », ce qui est interdit", "utilisez une adresse https:// ou mailto:"),
    },
    # Contributors and worksheets
    "name_or_glossary": {
        "en": ("an organization needs either 'name:' or 'glossary:', not both and not neither",
               "give 'name:' with fr: and en: lines, or 'glossary:' with the id of its entry in data/glossary.yml"),
        "fr": ("une organisation a besoin soit de « name: », soit de « glossary: », mais pas des deux ni d’aucun",
               "donnez « name: » avec des lignes « fr: » et « en: », ou « glossary: » avec l’identifiant de son entrée "
               "dans data/glossary.yml"),
    },
    "field_needs": {
        "en": ("a '{kind}' field needs '{name}:'", "add '{name}:' (see the worksheet example in CONTRIBUTING.md)"),
        "fr": ("un champ « {kind} » a besoin de « {name}: »",
               "ajoutez « {name}: » (voyez l’exemple de fiche dans CONTRIBUTING.md)"),
    },
    "field_refuses": {
        "en": ("a '{kind}' field does not take '{name}:'", "remove '{name}:', or change 'kind:'"),
        "fr": ("un champ « {kind} » ne prend pas « {name}: »", "retirez « {name}: », ou changez « kind: »"),
    },
    "grid_shape": {
        "en": ("a 'grid' has exactly 2 'rows:' and 2 'columns:' headings",
               "list two headings under 'rows:' and two under 'columns:', each with fr: and en:"),
        "fr": ("une « grid » a exactement 2 titres sous « rows: » et 2 sous « columns: »",
               "inscrivez deux titres sous « rows: » et deux sous « columns: », chacun avec « fr: » et « en: »"),
    },
    "table_rows_setting": {
        "en": ("a 'table' needs exactly one of 'rows:' (a number), 'row_labels:' or 'row_labels_from:'",
               "write 'rows: 5' for five empty rows, or list 'row_labels:'"),
        "fr": ("une « table » a besoin d’un seul de ces réglages : « rows: » (un nombre), « row_labels: » ou "
               "« row_labels_from: »",
               "écrivez « rows: 5 » pour cinq lignes vides, ou énumérez les « row_labels: »"),
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
        "en": ("'{value}' is not an entry of data/glossary.yml", "use one of: {choices}, or add the entry to data/glossary.yml"),
        "fr": ("« {value} » n’est pas une entrée de data/glossary.yml",
               "utilisez l’une de celles-ci : {choices}, ou ajoutez l’entrée à data/glossary.yml"),
    },
    "unknown_organization": {
        "en": ("'{value}' is not an organization listed under 'organizations:'",
               "use one of: {choices}, or add the organization with its French and English names"),
        "fr": ("« {value} » n’est pas une organisation inscrite sous « organizations: »",
               "utilisez l’une de celles-ci : {choices}, ou ajoutez l’organisation avec ses noms français et anglais"),
    },
    "unknown_slot": {
        "en": ("'{value}' is not a page that shows worksheets", "use one of: {choices}"),
        "fr": ("« {value} » n’est pas une page qui affiche des fiches", "utilisez l’une de celles-ci : {choices}"),
    },
    "duplicate_position": {
        "en": ("{other} already has position {position}",
               "give each file its own position number (the order on the page)"),
        "fr": ("{other} a déjà la position {position}",
               "donnez à chaque fichier son propre numéro de position (l’ordre sur la page)"),
    },
    "duplicate_field_id": {
        "en": ("another field in this worksheet already has id '{field_id}'",
               "give each field its own id (answers are saved under it)"),
        "fr": ("un autre champ de cette fiche a déjà l’identifiant « {field_id} »",
               "donnez à chaque champ son propre identifiant (les réponses sont enregistrées sous celui-ci)"),
    },
    "duplicate_pair": {
        "en": ("{other} already holds the message for objective '{objective}' and audience '{audience}'",
               "each pair has exactly one file: edit that file instead, or correct 'objective:'/'audience:' here"),
        "fr": ("{other} contient déjà le message pour l’objectif « {objective} » et le public « {audience} »",
               "chaque paire a un seul fichier : modifiez plutôt ce fichier, ou corrigez « objective: » ou "
               "« audience: » ici"),
    },
    "missing_pair": {
        "en": ("no message for objective '{objective}' and audience '{audience}' (the guide has one for each of the 16 "
               "pairs)", "create data/messages/{objective}/{audience}.yml from another message file"),
        "fr": ("aucun message pour l’objectif « {objective} » et le public « {audience} » (le guide en a un pour "
               "chacune des 16 paires)", "créez data/messages/{objective}/{audience}.yml à partir d’un autre fichier de message"),
    },
    "examples_differ": {
        "en": ("the two example files hold different data (only their comments may differ)",
               "make the same change in data/examples/message.fr.yml and data/examples/message.en.yml"),
        "fr": ("les deux fichiers d’exemple contiennent des données différentes (seuls leurs commentaires "
               "peuvent différer)", "faites la même modification dans data/examples/message.fr.yml et "
               "data/examples/message.en.yml"),
    },
    "case_question_unknown": {
        "en": ("'{value}' is not one of the guide's planning questions", "use one of: {choices}"),
        "fr": ("« {value} » n’est pas une des questions de planification du guide",
               "utilisez l’une de celles-ci : {choices}"),
    },
    "case_question_missing": {
        "en": ("the case study says nothing for '{key}'",
               "add '{key}:' under 'questions:' with fr: and en:, even a short sentence on what the source shows"),
        "fr": ("l’étude de cas ne dit rien pour « {key} »",
               "ajoutez « {key}: » sous « questions: » avec « fr: » et « en: », même une phrase courte sur ce que montre "
               "la source"),
    },
    "case_study_without_page": {
        "en": ("this case study has no page in {tree}/",
               "create {tree}/{id}.md holding the line <!-- bdw:case-study {id} --> and add it to the nav in "
               "mkdocs.yml"),
        "fr": ("cette étude de cas n’a pas de page dans {tree}/",
               "créez {tree}/{id}.md contenant la ligne <!-- bdw:case-study {id} --> et ajoutez-la au menu (nav) de "
               "mkdocs.yml"),
    },
    "activity_without_page": {
        "en": ("this activity has no page in {tree}/",
               "create {tree}/{id}.md holding the line <!-- bdw:activity {id} --> and add it to the nav in mkdocs.yml"),
        "fr": ("cette activité n’a pas de page dans {tree}/",
               "créez {tree}/{id}.md contenant la ligne <!-- bdw:activity {id} --> et ajoutez-la au menu (nav) de "
               "mkdocs.yml"),
    },
    "worksheet_without_page": {
        "en": ("this worksheet has no page in {tree}/",
               "create {tree}/{id}.md holding the line <!-- bdw:worksheet {id} --> and add it to the nav in mkdocs.yml"),
        "fr": ("cette fiche n’a pas de page dans {tree}/",
               "créez {tree}/{id}.md contenant la ligne <!-- bdw:worksheet {id} --> et ajoutez-la au menu (nav) de "
               "mkdocs.yml"),
    },
    # Translation status (see translation.py)
    "translation_missing_fr": {
        "en": ("this text has English but no French", "add 'fr:' beside 'en:' with the French text"),
        "fr": ("ce texte a une version anglaise, mais pas de version française",
               "ajoutez « fr: » à côté de « en: » avec le texte français"),
    },
    "translation_missing_en": {
        "en": ("this text has French but no English", "add 'en:' beside 'fr:' with the English text"),
        "fr": ("ce texte a une version française, mais pas de version anglaise",
               "ajoutez « en: » à côté de « fr: » avec le texte anglais"),
    },
    "page_missing_fr": {
        "en": ("this page has no French version", "create {counterpart} with the French text (same headings)"),
        "fr": ("cette page n’a pas de version française", "créez {counterpart} avec le texte français (mêmes intertitres)"),
    },
    "page_missing_en": {
        "en": ("this page has no English version", "create {counterpart} with the English text (same headings)"),
        "fr": ("cette page n’a pas de version anglaise", "créez {counterpart} avec le texte anglais (mêmes intertitres)"),
    },
}

# Markers in docs/ pages (<!-- bdw:... -->): (what is wrong, "") — the page is named by the caller.
CATALOGUE.update({
    "marker_unknown": {
        "en": ("unknown marker 'bdw:{kind}'; known: {known}", ""),
        "fr": ("marqueur inconnu « bdw:{kind} »; marqueurs connus : {known}", ""),
    },
    "marker_question": {
        "en": ("'bdw:{marker}' needs a question number from 1 to {count}", ""),
        "fr": ("« bdw:{marker} » demande un numéro de question de 1 à {count}", ""),
    },
    "marker_worksheet": {
        "en": ("'bdw:{marker}' names no file in data/worksheets; known: {known}", ""),
        "fr": ("« bdw:{marker} » ne nomme aucun fichier de data/worksheets; fiches connues : {known}", ""),
    },
    "marker_slot": {
        "en": ("'bdw:{marker}' names no page that shows worksheets; known: {known}", ""),
        "fr": ("« bdw:{marker} » ne nomme aucune page qui affiche des fiches; pages connues : {known}", ""),
    },
    "marker_activity": {
        "en": ("'bdw:{marker}' names no file in data/activities; known: {known}", ""),
        "fr": ("« bdw:{marker} » ne nomme aucun fichier de data/activities; activités connues : {known}", ""),
    },
    "marker_case_study": {
        "en": ("'bdw:{marker}' names no file in data/case-studies; known: {known}", ""),
        "fr": ("« bdw:{marker} » ne nomme aucun fichier de data/case-studies; études connues : {known}", ""),
    },
    "marker_audience": {
        "en": ("'bdw:{marker}' names no known audience; known: {known}", ""),
        "fr": ("« bdw:{marker} » ne nomme aucun public connu; publics connus : {known}", ""),
    },
    "marker_objective": {
        "en": ("'bdw:{marker}' names no known objective; known: {known}", ""),
        "fr": ("« bdw:{marker} » ne nomme aucun objectif connu; objectifs connus : {known}", ""),
    },
})

# The YAML parser's own words for the mistakes contributors make most often.
YAML_DETAILS_FR: dict[str, str] = {
    "mapping values are not allowed here": "un « : » est mal placé (texte à mettre entre guillemets?)",
    "mapping values are not allowed in this context": "un « : » est mal placé (texte à mettre entre "
                                                      "guillemets?)",
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
    "head": {"en": ("{count} problem in the guide's data:", "{count} problems in the guide's data:"),
             "fr": ("{count} problème dans les données du guide :", "{count} problèmes dans les données du guide :")},
}

# Lines of the reports printed by `python -m bdw_guide check`: (singular, plural) or (text, "").
REPORT.update({
    "data_ok": {
        "en": ("Data OK: {objectives} objectives, {audiences} audiences, {messages} messages, {questions} planning "
               "questions, {activities} activities, {case_studies} case studies, {worksheets} worksheets, {abbreviations} abbreviations, {ui} "
               "interface strings, in French and English.", ""),
        "fr": ("Données valides : {objectives} objectifs, {audiences} publics, {messages} messages, {questions} questions "
               "de planification, {activities} activités, {case_studies} études de cas, {worksheets} fiches, {abbreviations} abréviations, {ui} "
               "libellés d’interface, en français et en anglais.", ""),
    },
    "unnamed_sources": {
        "en": ("Note for editors: {count} cited claims have a source the guide does not name "
               "(see: python -m bdw_guide sources).", ""),
        "fr": ("Note aux réviseurs : {count} affirmations citées ont une source que le guide ne nomme pas "
               "(voyez : python -m bdw_guide sources).", ""),
    },
    "translation_ok": {
        "en": ("Translations: no gaps between French and English in data/ and docs/.", ""),
        "fr": ("Traductions : aucun écart entre le français et l’anglais dans data/ et docs/.", ""),
    },
    "translation_gaps": {
        "en": ("Translations: {count} gap between French and English:",
               "Translations: {count} gaps between French and English:"),
        "fr": ("Traductions : {count} écart entre le français et l’anglais :",
               "Traductions : {count} écarts entre le français et l’anglais :"),
    },
    "stale_none": {
        "en": ("Likely out-of-date translations: none (each text changed with its counterpart).", ""),
        "fr": ("Traductions probablement périmées : aucune (chaque texte a changé avec son pendant).", ""),
    },
    "stale_head": {
        "en": ("Likely out-of-date translation ({count}), older in git than its counterpart:",
               "Likely out-of-date translations ({count}), older in git than their counterparts:"),
        "fr": ("Traduction probablement périmée ({count}), plus ancienne dans git que son pendant :",
               "Traductions probablement périmées ({count}), plus anciennes dans git que leur pendant :"),
    },
    "stale_line": {
        "en": ("{where}: {field}: the {older} text was last changed on {older_date}, the {newer} one on {newer_date}. "
               "Check that it still says the same thing, and update it if not.", ""),
        "fr": ("{where}: {field}: le texte {older} a changé pour la dernière fois le {older_date}, le texte {newer} le "
               "{newer_date}. Vérifiez qu’il dit encore la même chose et mettez-le à jour au besoin.", ""),
    },
    "stale_unmeasured": {
        "en": ("Likely out-of-date translations: not measured (this folder is not a git checkout).", ""),
        "fr": ("Traductions probablement périmées : non mesurées (ce dossier n’est pas un dépôt git).", ""),
    },
    "language_en": {"en": ("English", ""), "fr": ("anglais", "")},
    "language_fr": {"en": ("French", ""), "fr": ("français", "")},
})

# Post drafts (data/posts/<objective>/<audience>.yml, see posts.py) — issue 17.
CATALOGUE.update({
    "post_too_long": {
        "en": ("this {platform} draft is {count} long as {platform} counts it, over its limit of {limit} "
               "(the hashtag added at the end counts too)",
               "shorten it by at least {over}, keeping its point, its ask and its figures as the message gives them"),
        "fr": ("cette publication pour {platform} compte {count} caractères selon le décompte de {platform}, au-delà "
               "de sa limite de {limit} (le mot-clic ajouté à la fin compte aussi)",
               "raccourcissez-la d’au moins {over}, en gardant l’idée, la demande et les chiffres tels que le message "
               "les donne"),
    },
    "post_opening_too_long": {
        "en": ("the first line of this {platform} draft is {count} characters long, but {platform} shows only about "
               "the first {visible} before it folds the post",
               "make the first line the point of the message in at most {visible} characters, then start a new line"),
        "fr": ("la première ligne de cette publication pour {platform} compte {count} caractères, mais {platform} "
               "n’affiche qu’environ les {visible} premiers avant de replier la publication",
               "faites de la première ligne l’idée du message en {visible} caractères au plus, puis changez de ligne"),
    },
    "post_hashtag_typed": {
        "en": ("this draft holds the campaign hashtag {tag}, which is already added at the end of every draft",
               "remove it from the text"),
        "fr": ("cette publication contient le mot-clic de la campagne {tag}, déjà ajouté à la fin de chaque "
               "publication", "retirez-le du texte"),
    },
    "post_figure_unknown": {
        "en": ("this draft gives a figure its message does not ({figure})",
               "use only the figures of the message (headline, message, ask, facts), or take this one out"),
        "fr": ("cette publication donne un chiffre que son message ne donne pas ({figure})",
               "n’utilisez que les chiffres du message (titre, message, demande, faits), ou retirez celui-ci"),
    },
    "posts_missing": {
        "en": ("the message {message} has no post drafts",
               "create this file with one draft per platform (x, bluesky, mastodon, linkedin, instagram, facebook), "
               "each with fr: and en:; copy another file of data/posts and rewrite it"),
        "fr": ("le message {message} n’a pas de publications",
               "créez ce fichier avec une publication par plateforme (x, bluesky, mastodon, linkedin, instagram, "
               "facebook), chacune avec « fr: » et « en: »; copiez un autre fichier de data/posts et réécrivez-le"),
    },
    "posts_unknown_pair": {
        "en": ("this file matches no message: post drafts go in data/posts/<objective>/<audience>.yml",
               "rename it after its message's objective ({objectives}) and audience ({audiences})"),
        "fr": ("ce fichier ne correspond à aucun message : les publications vont dans "
               "data/posts/<objectif>/<public>.yml",
               "renommez-le d’après l’objectif ({objectives}) et le public ({audiences}) de son message"),
    },
})
