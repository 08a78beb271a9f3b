# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import http
from odoo.http import request

from ..models.mail_mail import UNSUBSCRIBE_ROUTE


class SalesProcessUnsubscribe(http.Controller):
    """Public unsubscribe page of the commercial emails (without Email
    Marketing): the link of each email carries a token signed with the
    database secret; no login.

    GET shows a confirmation button (mail scanners open links: a GET never
    unsubscribes); POST, from that button or from the mail client's one-click
    (RFC 8058, ``List-Unsubscribe=One-Click``), blacklists the address."""

    @http.route(
        [UNSUBSCRIBE_ROUTE, f"{UNSUBSCRIBE_ROUTE}/<string:token>"],
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        sitemap=False,
    )
    def grc_unsubscribe(self, token=None, **post):
        email = token and request.env["mail.mail"].sudo()._grc_verify_unsubscribe_token(
            token
        )
        if not email:
            return request.render(
                "sales_process_grc.unsubscribe_page", {"state": "invalid"}, status=403
            )
        values = {"state": "confirm", "email": email, "token": token}
        if request.httprequest.method == "POST":
            request.env["mail.blacklist"].sudo()._add(
                email,
                message=Markup("<p>%s</p>")
                % request.env._("Unsubscribed through the link of a commercial email"),
            )
            values["state"] = "done"
        return request.render("sales_process_grc.unsubscribe_page", values)
