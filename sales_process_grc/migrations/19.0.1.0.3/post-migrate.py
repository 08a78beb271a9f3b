# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer-facing templates without internal data.

The appointment confirmation, offer follow-up, thank-you and loyalty follow-up
no longer show the lead's title (an internal label) nor, in the offer
follow-up, the expected revenue (the internal forecast). The templates are
noupdate (admins edit them): an upgrade does not reload them. This script
reloads the subject and body of each of them from the module's data (English)
and its po files (the other languages), but only when the admin has not edited
it: in every installed language, its subject and body are still a text the
module shipped (previous_templates.json, next to this script: the English and
French texts of each earlier version). Edited templates are left as they are,
and a warning names them.

Only the subject and the body are reloaded; the other fields (sender,
recipients, name...) keep their values."""

import copy
import io
import json
import logging
from pathlib import Path

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools import file_open
from odoo.tools.convert import convert_xml_import
from odoo.tools.translate import get_po_paths, translation_file_reader

MODULE = "sales_process_grc"
_logger = logging.getLogger(f"odoo.addons.{MODULE}.migrations")
DATA_FILE = "data/mail_template_data.xml"
FIELDS = ("subject", "body_html")
PREVIOUS_TEXTS = Path(__file__).with_name("previous_templates.json")


def previous_texts():
    """{xmlid: [{field: {lang: text}}]}: the texts each earlier version
    shipped, English and French."""
    return json.loads(PREVIOUS_TEXTS.read_text(encoding="utf-8"))


def _installed_langs(env):
    """The active languages, and English (the source, active or not)."""
    codes = [code for code, _name in env["res.lang"].get_installed()]
    return ["en_US", *(code for code in codes if code != "en_US")]


def _is_shipped_text(template, fname, shipped, langs):
    """Whether ``fname`` of ``template`` is ``shipped`` ({lang: text}) in
    every installed language. A language without its own translation reads
    the English text; a shipped French text is accepted for every French
    variant (the po of ``fr`` is loaded for them)."""
    for lang in langs:
        accepted = {shipped["en_US"]} | {
            text
            for code, text in shipped.items()
            if code.split("_")[0] == lang.split("_")[0]
        }
        value = template.with_context(lang=lang)[fname]
        if str(value or "") not in accepted:
            return False
    return True


def is_unedited(template, versions):
    """Whether ``template`` still has, in every installed language, the
    subject and body of one of the shipped ``versions``."""
    langs = _installed_langs(template.env)
    return any(
        all(
            _is_shipped_text(template, fname, version[fname], langs) for fname in FIELDS
        )
        for version in versions
    )


def _reload_from_data(env, xmlids):
    """Write the subject and body of the records ``xmlids`` from the data
    file, as the install does (English), without touching their other fields
    nor their noupdate flag."""
    names = {xmlid.split(".", 1)[1] for xmlid in xmlids}
    with file_open(f"{MODULE}/{DATA_FILE}", "rb") as data:
        tree = etree.parse(data)
    root = etree.Element("odoo")
    for record in tree.getroot().iter("record"):
        if record.get("id") not in names:
            continue
        partial = etree.SubElement(
            root, "record", id=record.get("id"), model=record.get("model")
        )
        for field in record.iterchildren("field"):
            if field.get("name") in FIELDS:
                partial.append(copy.deepcopy(field))
    xmlfile = io.BytesIO(etree.tostring(root, encoding="utf-8"))
    xmlfile.name = DATA_FILE
    # mode "init" writes the noupdate records; noupdate=True keeps their flag
    convert_xml_import(env, MODULE, xmlfile, {}, mode="init", noupdate=True)


def _po_translations(lang, xmlids):
    """{(xmlid, field): (source, translation)} of the module's po files for
    ``lang`` (``fr`` then ``fr_BE`` for ``fr_BE``, the later one winning)."""
    translations = {}
    for po_path in get_po_paths(MODULE, lang):
        for row in translation_file_reader(po_path, fileformat="po"):
            if row.get("type") != "model" or not row.get("value"):
                continue
            model, fname = row["name"].split(",", 1)
            xmlid = f"{row['module']}.{row['imd_name']}"
            if model == "mail.template" and xmlid in xmlids and fname in FIELDS:
                translations[xmlid, fname] = (row["src"], row["value"])
    return translations


def _reload_translations(env, xmlids):
    """Set the other languages of the reloaded subject and body from the po
    files; a language without a translation (or whose translation is of
    another English text) falls back to English."""
    langs = [lang for lang in _installed_langs(env) if lang != "en_US"]
    po = {lang: _po_translations(lang, xmlids) for lang in langs}
    for xmlid in xmlids:
        template = env.ref(xmlid)
        for fname in FIELDS:
            source = str(template.with_context(lang="en_US")[fname] or "")
            translations = {}
            for lang in langs:
                src, value = po[lang].get((xmlid, fname), (None, None))
                translations[lang] = value if src == source else False
            if translations:
                template.update_field_translations(fname, translations)


def reload_unedited_templates(env, shipped=None):
    """Reload the templates of ``shipped`` ({xmlid: versions}, by default
    previous_templates.json) that the admin has not edited; return the
    reloaded and the kept (edited) xmlids."""
    shipped = previous_texts() if shipped is None else shipped
    reloaded, kept = [], []
    for xmlid, versions in shipped.items():
        template = env.ref(xmlid, raise_if_not_found=False)
        if not template:
            continue
        (reloaded if is_unedited(template, versions) else kept).append(xmlid)
    if reloaded:
        _reload_from_data(env, reloaded)
        _reload_translations(env, reloaded)
        _logger.info("Reloaded the mail templates %s", ", ".join(reloaded))
    if kept:
        _logger.warning(
            "Mail templates edited by an admin, not reloaded: %s. They may "
            "show customers the lead's title or expected revenue; compare them "
            "with the module's data/mail_template_data.xml.",
            ", ".join(kept),
        )
    env.invalidate_all()
    return reloaded, kept


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    reload_unedited_templates(env)
