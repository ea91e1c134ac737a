<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#-- Keycloak's information page (e.g. "Your account has been updated"); pageLink is prepared in Java. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if messageHeader??>${kcSanitize(msg("${messageHeader}"))?no_esc}<#else>${message.summary}</#if>
    <#elseif section = "form">
        <div id="kc-info-message">
            <@alacop.text>${message.summary}<#if requiredActions??><#list requiredActions>: <strong><#items as action>${kcSanitize(msg("requiredAction.${action}"))?no_esc}<#sep>, </#items></strong></#list></#if></@alacop.text>
            <@alacop.linkOnward/>
        </div>
    </#if>
</@layout.registrationLayout>
