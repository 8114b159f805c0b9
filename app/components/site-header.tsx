// The site's header. On narrow screens the navigation and account links fold behind a "Menu"
// button: a <details> whose summary is the button and whose open state shows the links after it
// (CSS only, so it works without JavaScript); with JavaScript it also closes after navigating.
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSite } from "~/utils/use-site";
import { LanguageMenu } from "./language-menu";
import { SearchBox } from "./search-box";
import {
  adminPath,
  forumsPath,
  groupsPath,
  homePath,
  joinPath,
  libraryPath,
  loginPath,
  logoutPath,
  membersPath,
  notificationsPath,
  settingsPath,
  withParam,
} from "~/utils/paths";

export function SiteHeader() {
  const { t } = useTranslation();
  const { viewer, permissions, unreadNotifications } = useSite();
  const location = useLocation();
  const here = location.pathname + location.search;
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={homePath()} className="brand">
          <span className="brand__mark" aria-hidden="true">
            ◆
          </span>
          <span className="brand__text">{t("site.shortName")}</span>
        </Link>
        <details className="site-menu" ref={menu}>
          <summary className="site-menu__button">
            <span className="site-menu__icon" aria-hidden="true" />
            {t("nav.menu")}
          </summary>
        </details>
        <nav aria-label={t("nav.main")} className="main-nav">
          <ul>
            <li>
              <NavLink to={libraryPath()}>{t("nav.library")}</NavLink>
            </li>
            <li>
              <NavLink to={forumsPath()}>{t("nav.forums")}</NavLink>
            </li>
            <li>
              <NavLink to={groupsPath()}>{t("nav.groups")}</NavLink>
            </li>
            {permissions.members ? (
              <li>
                <NavLink to={membersPath()}>{t("nav.members")}</NavLink>
              </li>
            ) : null}
            {permissions.admin ? (
              <li>
                <NavLink to={adminPath()}>{t("nav.admin")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <SearchBox />
        <div className="account-nav">
          <LanguageMenu redirectTo={here} />
          {viewer ? (
            <>
              <NavLink to={notificationsPath()} className="account-nav__notifications">
                {t("nav.notifications")}
                {unreadNotifications ? (
                  <>
                    <span className="notification-badge" aria-hidden="true">
                      {unreadNotifications > 99 ? "99+" : unreadNotifications}
                    </span>
                    <span className="visually-hidden"> ({t("notifications.badge", { count: unreadNotifications })})</span>
                  </>
                ) : null}
              </NavLink>
              <NavLink to={settingsPath()} className="account-nav__user" title={t("nav.account")}>
                {viewer.displayName}
              </NavLink>
              <Form method="post" action={logoutPath()} reloadDocument>
                <button type="submit" className="button button--quiet">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to={withParam(loginPath(), "redirectTo", here)} className="button button--quiet">
                {t("nav.signIn")}
              </Link>
              <Link to={joinPath()} className="button button--primary">
                {t("nav.join")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
