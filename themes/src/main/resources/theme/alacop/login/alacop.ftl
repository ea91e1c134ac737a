<#-- Building blocks shared by every AlaCOP page. Pages compose these; they never copy markup. -->

<#macro brandHeader>
  <header class="alacop-brand">
    <img class="alacop-brand__logo" src="${url.resourcesPath}/img/alacop-logo.svg" alt="${msg('alacopBrandAlt')}" width="196" height="48">
  </header>
</#macro>

<#-- "← user@alacop.gov": the identifier the user gave, with the way back to change it. -->
<#macro identity>
  <div class="alacop-identity" id="kc-username">
    <a class="alacop-identity__back" id="reset-login" href="${url.loginRestartFlowUrl}">
      <span aria-hidden="true">&larr;</span><span class="alacop-sr-only">${msg("alacopIdentityBack")}</span>
    </a>
    <span class="alacop-identity__name" id="kc-attempted-username">${auth.attemptedUsername}</span>
  </div>
</#macro>

<#macro alert message>
  <div class="alacop-alert alacop-alert--${message.type}" id="kc-alert" role="${(message.type == 'error')?then('alert', 'status')}">
    <span class="kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
  </div>
</#macro>

<#--
  Form fields. fieldGroup owns what every field has: the label, a hint, the error of the field from
  messagesPerField, and the ids that tie them to the control for screen readers. The control itself is the nested
  content, which receives describedBy (the ids, "" when none) and invalid (true when the field has an error):
  <@alacop.fieldGroup name="x" label=...; describedBy, invalid> <input ...> </@alacop.fieldGroup>.
  textField, passwordField and selectField are the controls the pages use.
-->
<#macro fieldGroup name label hint="">
  <#local error = messagesPerField.getFirstError(name)>
  <#local describedBy = ((error?has_content)?then("input-error-" + name, "") + (hint?has_content)?then(" " + name + "-hint", ""))?trim>
  <div class="alacop-field<#if error?has_content> alacop-field--error</#if>">
    <label class="alacop-field__label" for="${name}">${label}</label>
    <#nested describedBy, error?has_content>
    <#if hint?has_content><p class="alacop-field__hint" id="${name}-hint">${hint}</p></#if>
    <div aria-live="polite">
      <#if error?has_content>
        <p class="alacop-field__error" id="input-error-${name}">${kcSanitize(error)?no_esc}</p>
      </#if>
    </div>
  </div>
</#macro>

<#-- A text input (type text, tel, ...) in its field group. -->
<#macro textField name label value="" type="text" autocomplete="off" placeholder="" hint="" autofocus=false>
  <@fieldGroup name=name label=label hint=hint; describedBy, invalid>
    <input class="alacop-field__input" id="${name}" name="${name}" type="${type}" value="${value}"
           autocomplete="${autocomplete}"<#if placeholder?has_content> placeholder="${placeholder}"</#if>
           <#if autofocus>autofocus</#if>
           aria-invalid="${invalid?c}"<#if describedBy?has_content> aria-describedby="${describedBy}"</#if>>
  </@fieldGroup>
</#macro>

<#-- A password input in its field group; it never shows a value back. -->
<#macro passwordField name label autocomplete="current-password" hint="" autofocus=false>
  <@textField name=name label=label type="password" autocomplete=autocomplete hint=hint autofocus=autofocus/>
</#macro>

<#-- A dropdown in its field group. options: a sequence of [value, message key]. -->
<#macro selectField name label options selected="" placeholder="" hint="">
  <@fieldGroup name=name label=label hint=hint; describedBy, invalid>
    <select class="alacop-field__input" id="${name}" name="${name}" aria-invalid="${invalid?c}"
            <#if describedBy?has_content>aria-describedby="${describedBy}"</#if>>
      <#if placeholder?has_content><option value="">${placeholder}</option></#if>
      <#list options as option>
        <option value="${option[0]}"<#if option[0] == selected> selected</#if>>${msg(option[1])}</option>
      </#list>
    </select>
  </@fieldGroup>
</#macro>

<#--
  Buttons. All take the same parameters: id, label (a message key), arg (its argument, if any), and a name/value
  pair that says which button was chosen. kind is "primary", "secondary" or "link" (a button that reads as a
  link: secondary choices such as "Call me instead"; it skips the browser's form validation).
-->
<#macro button id label kind="primary" name="" value="" arg="">
  <button class="alacop-button alacop-button--${kind}" id="${id}" type="submit"<#if name?has_content> name="${name}"</#if><#if value?has_content> value="${value}"</#if><#if kind != "primary"> formnovalidate</#if>>${msg(label, arg)}</button>
</#macro>

<#-- A row of buttons, e.g. <@alacop.actions><@alacop.button .../></@alacop.actions>. -->
<#macro actions>
  <div class="alacop-actions"><#nested></div>
</#macro>

<#-- The page's one main button, in its own row. -->
<#macro primaryButton id label name="" value="" arg="">
  <@actions><@button id=id label=label name=name value=value arg=arg/></@actions>
</#macro>

<#macro linkButton id label name="" value="" arg="">
  <@button id=id label=label kind="link" name=name value=value arg=arg/>
</#macro>

<#--
  The main button of a page; with cancel (by default: an application or the account console opened the page,
  kc_action) also Cancel, which Keycloak handles (cancel-aia): back to the application, nothing saved. The main
  button comes first, so Enter in a field never cancels.
-->
<#macro submitOrCancel id label name="" value="" arg="" cancel=isAppInitiatedAction??>
  <#if cancel>
    <@actions>
      <@button id=id label=label name=name value=value arg=arg/>
      <@button id="kc-cancel" label="doCancel" kind="secondary" name="cancel-aia" value="true"/>
    </@actions>
  <#else>
    <@primaryButton id=id label=label name=name value=value arg=arg/>
  </#if>
</#macro>

<#-- Radio buttons in a fieldset. options: a sequence of [value, label message key, hint message key or ""]. -->
<#macro choiceGroup name legend options selected hint="">
  <fieldset class="alacop-choices" id="${name}-group"<#if hint?has_content> aria-describedby="${name}-hint"</#if>>
    <legend class="alacop-field__label">${legend}</legend>
    <#list options as option>
      <div class="alacop-choice">
        <input type="radio" id="${name}-${option[0]}" name="${name}" value="${option[0]}"<#if option[0] == selected> checked</#if>>
        <label for="${name}-${option[0]}">${msg(option[1])}</label>
      </div>
    </#list>
    <#if hint?has_content><p class="alacop-field__hint" id="${name}-hint">${hint}</p></#if>
  </fieldset>
</#macro>

<#macro footerLinks>
  <nav class="alacop-links" aria-label="${msg('alacopFooterNav')}">
    <a id="alacop-registration-link" href="${properties.alacopRegistrationUrl}" target="_blank" rel="noopener">${msg("alacopFooterRegistration")}</a>
    <a id="alacop-help-center-link" href="${properties.alacopHelpCenterUrl}" target="_blank" rel="noopener">${msg("alacopFooterHelpCenter")}</a>
  </nav>
</#macro>

<#macro warningBanner>
  <section class="alacop-warning" id="alacop-warning" aria-labelledby="alacop-warning-title">
    <p><strong id="alacop-warning-title">${msg("alacopWarningTitle")}</strong> ${msg("alacopWarningText")}</p>
  </section>
</#macro>

<#macro supportContact>
  <p class="alacop-support" id="alacop-support">
    ${msg("alacopSupportLead")}
    <a href="tel:${properties.alacopSupportPhone}">${properties.alacopSupportPhone}</a>
    ${msg("alacopSupportOr")}
    <a href="mailto:${properties.alacopSupportEmail}">${properties.alacopSupportEmail}</a>
  </p>
</#macro>

<#-- The account a page is about, shown without a way back (e.g. "Stay signed in?"). -->
<#macro account upn>
  <div class="alacop-identity" id="alacop-account">
    <span class="alacop-identity__name" id="alacop-account-upn">${upn}</span>
  </div>
</#macro>

<#-- A paragraph of explanation under the page title. -->
<#macro text id="">
  <p class="alacop-text"<#if id?has_content> id="${id}"</#if>><#nested></p>
</#macro>

<#-- A checkbox with its label; the whole label is the click target. -->
<#macro checkbox name label id=name checked=false>
  <div class="alacop-checkbox">
    <input class="alacop-checkbox__input" type="checkbox" id="${id}" name="${name}"<#if checked> checked</#if>>
    <label class="alacop-checkbox__label" for="${id}">${label}</label>
  </div>
</#macro>

<#-- A list of links (e.g. where to go after signing out). -->
<#macro linkList id>
  <ul class="alacop-link-list" id="${id}"><#nested></ul>
</#macro>

<#macro linkItem id href label>
  <li><a id="${id}" href="${href}">${label}</a></li>
</#macro>

<#-- "You signed out of your account" with the ways to go on; signOut is prepared in Java. -->
<#macro signedOut signOut>
  <@linkList id="alacop-signed-out-links">
    <#if signOut.previousApplicationUrl??>
      <@linkItem id="alacop-previous-application" href=signOut.previousApplicationUrl label=msg("alacopSignedOutPreviousApplication")/>
    </#if>
    <@linkItem id="alacop-portal" href=properties.alacopPortalUrl label=msg("alacopSignedOutPortal")/>
  </@linkList>
  <@text id="alacop-close-tab">${msg("alacopSignedOutCloseTab")}</@text>
</#macro>

<#-- The link onward of info and error pages, when Java prepared one (pageLink). -->
<#macro linkOnward id="alacop-page-link">
  <#if pageLink??>
    <p class="alacop-text"><a id="${id}" href="${pageLink.url}">${msg(pageLink.messageKey)}</a></p>
  </#if>
</#macro>


<#-- Entering a code that was texted, told by a call or shown by the app (phone setup, second factor): where it
     came from (intro), the field, Verify, and the page's other ways on (nested). idPrefix names the elements. -->
<#macro codeEntry idPrefix intro cancel=false>
  <p id="${idPrefix}-intro">${intro}</p>
  <@textField name="code" label=msg("alacopCodeLabel") autocomplete="one-time-code" autofocus=true/>
  <@submitOrCancel id="${idPrefix}-verify" name="action" value="verify" label="alacopCodeVerify" cancel=cancel/>
  <div class="alacop-secondary-actions">
    <#nested>
  </div>
</#macro>
