<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- "This page has expired": a step that is over was submitted again (e.g. after the browser's back button). -->
<@layout.registrationLayout pageTitle=msg("alacopPageExpiredTitle"); section>
    <#if section = "header">
        ${msg("alacopPageExpiredTitle")}
    <#elseif section = "form">
        <@alacop.text id="instruction1">${msg("alacopPageExpiredText")}</@alacop.text>
        <@alacop.linkList id="alacop-page-expired-links">
            <@alacop.linkItem id="loginRestartLink" href=url.loginRestartFlowUrl label=msg("alacopPageExpiredRestart")/>
            <@alacop.linkItem id="loginContinueLink" href=url.loginAction label=msg("alacopPageExpiredContinue")/>
        </@alacop.linkList>
    </#if>
</@layout.registrationLayout>
