<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- Keycloak's "You are logged out" page (the provider renders this instead of info.ftl for that message). -->
<@layout.registrationLayout displayMessage=false pageTitle=msg("alacopSignedOutTitle"); section>
    <#if section = "header">
        ${msg("alacopSignedOutTitle")}
    <#elseif section = "form">
        <div id="alacop-signed-out">
            <@alacop.signedOut signOut=signOut/>
        </div>
    </#if>
</@layout.registrationLayout>
