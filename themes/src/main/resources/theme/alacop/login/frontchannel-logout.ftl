<#import "template.ftl" as layout>
<#import "alacop.ftl" as alacop>
<#--
  Shown while the applications' front-channel sign-outs load in hidden frames; the user session is already ended.
  js/alacop-sign-out.js loads the frames, then continues to the application's registered address, or shows the signed-out part.
-->
<@layout.registrationLayout pageTitle=msg("alacopSigningOutTitle"); section>
    <#if section = "header">
        <span id="alacop-signing-out-title">${msg("alacopSigningOutTitle")}</span>
        <span id="alacop-signed-out-title" hidden>${msg("alacopSignedOutTitle")}</span>
    <#elseif section = "form">
        <div id="alacop-sign-out-progress" aria-live="polite" data-signed-out-title="${msg("alacopPageTitleOf", msg("alacopSignedOutTitle"))}"
             <#if signOut.continueUrl??>data-continue-url="${signOut.continueUrl}"</#if>>
            <div id="alacop-signing-out">
                <@alacop.text id="alacop-signing-out-text">${msg("alacopSigningOutText")}</@alacop.text>
                <span class="alacop-spinner" aria-hidden="true"></span>
            </div>
            <div id="alacop-signed-out" hidden>
                <@alacop.signedOut signOut=signOut/>
            </div>
        </div>
        <#-- The script loads the frames once this page shows, so "please wait" paints at once; noscript keeps them working without it. -->
        <template id="alacop-front-channel-frames"><@frames/></template>
        <noscript><@frames/></noscript>
        <script type="module" src="${url.resourcesPath}/js/alacop-sign-out.js"></script>
    </#if>
</@layout.registrationLayout>

<#macro frames>
    <#list logout.clients as client>
        <iframe class="alacop-hidden-frame" src="${client.frontChannelLogoutUrl}" title="${client.name}" aria-hidden="true" tabindex="-1"></iframe>
    </#list>
</#macro>
