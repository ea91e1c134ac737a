<#import "alacop.ftl" as alacop>
<#--
  The page frame of every AlaCOP sign-in page. It keeps the contract of keycloak.v2's registrationLayout
  (same parameters, same nested sections) so that the parent's pages render inside the AlaCOP frame too.
-->
<#-- pageTitle (optional, ours): what the browser tab and screen readers announce; default "Sign in to AlaCOP". -->
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false pageTitle="">
<!DOCTYPE html>
<html lang="${lang}"<#if realm.internationalizationEnabled> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title><#if pageTitle?has_content>${msg("alacopPageTitleOf", pageTitle)}<#else>${msg("alacopPageTitle")}</#if></title>
    <link rel="icon" href="${url.resourcesPath}/img/favicon.svg" type="image/svg+xml">
    <#if properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <#if properties.scripts?has_content>
        <#list properties.scripts?split(' ') as script>
            <script src="${url.resourcesPath}/${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <#if authenticationSession??>
        <script type="module">
            <#outputformat "JavaScript">
            import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
            checkAuthSession(${authenticationSession.authSessionIdHash?c});
            </#outputformat>
        </script>
    </#if>
</head>

<body class="alacop-body ${bodyClass}" data-page-id="login-${pageId}">
<a class="alacop-skip-link" href="#kc-page-title">${msg("alacopSkipToContent")}</a>
<div class="alacop-page">
    <div class="alacop-hero" aria-hidden="true"></div>
    <div class="alacop-column">
        <main class="alacop-card" id="kc-content">
            <@alacop.brandHeader/>
            <#nested "account">
            <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
                <#nested "show-username">
                <@alacop.identity/>
            </#if>
            <h1 class="alacop-title" id="kc-page-title" tabindex="-1"><#nested "header"></h1>

            <#if realm.internationalizationEnabled && locale.supported?size gt 1>
                <label class="alacop-sr-only" for="alacop-locale">${msg("languages")}</label>
                <select class="alacop-locale" id="alacop-locale" onchange="if (this.value) window.location.href=this.value">
                    <#list locale.supported?sort_by("label") as l>
                        <option value="${l.url}"<#if l.languageTag == locale.currentLanguageTag> selected</#if>>${l.label}</option>
                    </#list>
                </select>
            </#if>

            <#-- App-initiated actions should not see warnings about the need to complete the action. -->
            <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
                <@alacop.alert message=message/>
            </#if>

            <#nested "form">

            <#if auth?has_content && auth.showTryAnotherWayLink()>
                <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <input type="hidden" name="tryAnotherWay" value="on">
                    <button class="alacop-button alacop-button--link" id="try-another-way" type="submit">${msg("doTryAnotherWay")}</button>
                </form>
            </#if>

            <#nested "socialProviders">

            <#if displayInfo>
                <div class="alacop-info" id="kc-info">
                    <#nested "info">
                </div>
            </#if>

            <@alacop.footerLinks/>
        </main>
        <footer class="alacop-footer">
            <@alacop.warningBanner/>
            <@alacop.supportContact/>
        </footer>
    </div>
</div>
</body>
</html>
</#macro>
