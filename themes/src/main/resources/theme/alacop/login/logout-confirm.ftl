<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- Keycloak's RP-initiated logout confirmation: "Pick an account to sign out". signOut is prepared in Java. -->
<@layout.registrationLayout pageTitle=msg("alacopSignOutTitle"); section>
    <#if section = "header">
        ${msg("alacopSignOutTitle")}
    <#elseif section = "form">
        <form id="alacop-sign-out-form" class="alacop-form" action="${url.logoutConfirmAction}" method="post">
            <input type="hidden" name="session_code" value="${logoutConfirm.code}">
            <button class="alacop-account-tile" id="kc-logout" name="confirmLogout" type="submit">
                <img class="alacop-account-tile__icon" src="${url.resourcesPath}/img/account.svg" alt="" width="40" height="40">
                <span class="alacop-account-tile__text">
                    <#if signOut.accountName??>
                        <span class="alacop-account-tile__name" id="alacop-sign-out-name">${signOut.accountName}</span>
                        <span class="alacop-account-tile__upn" id="alacop-sign-out-upn">${signOut.accountUpn}</span>
                    </#if>
                    <span class="alacop-account-tile__action">${msg("alacopSignOutAction")}</span>
                </span>
            </button>
        </form>
    </#if>
</@layout.registrationLayout>
