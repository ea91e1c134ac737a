<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- Keycloak's error page; pageLink (back to a registered application address) is prepared in Java. -->
<@layout.registrationLayout displayMessage=false pageTitle=msg("alacopErrorTitle"); section>
    <#if section = "header">
        ${msg("alacopErrorTitle")}
    <#elseif section = "form">
        <div id="kc-error-message" role="alert">
            <@alacop.text>${kcSanitize(message.summary)?no_esc}</@alacop.text>
            <#if traceId??>
                <@alacop.text id="traceId">${msg("traceIdSupportMessage", traceId)}</@alacop.text>
            </#if>
        </div>
        <@alacop.linkOnward id="backToApplication"/>
    </#if>
</@layout.registrationLayout>
