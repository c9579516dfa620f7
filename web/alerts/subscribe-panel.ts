import { subscribe, type Topic, topicAtomUrl } from "../api";
import { byId, h } from "../element";
import {
  type AlertFormInput,
  type Channel,
  MISSING_TOKEN,
  type Mode,
  subscribedOutcome,
  subscribeFailure,
  subscriptionRequest,
} from "./subscribe-messages";

export interface SubscribeContext {
  /** The browser's IANA zone: a digest's hour is the subscriber's own. */
  tz: string;
  /** The admin token as the page holds it, or null. */
  adminToken: () => string | null;
  /** Sends the user to the admin token field (missing or refused). */
  askForToken: () => void;
}

/** The Subscribe panel: per topic its Atom feed and an alert form (email or webhook; instant, digest or spike). */
export function setupSubscribe(topics: readonly Topic[], context: SubscribeContext): void {
  byId("topic-subscriptions").replaceChildren(...topics.map((t, i) => topicItem(t, i, context)));
}

function topicItem(topic: Topic, index: number, context: SubscribeContext): HTMLLIElement {
  const form = alertForm(topic, index, context);
  return h(
    "li",
    { class: "topic-subscription", "data-topic": topic.slug },
    h(
      "div",
      { class: "topic-subscription-head" },
      h("span", { class: "topic-name" }, topic.name),
      h("a", { href: topicAtomUrl(topic.slug), type: "application/atom+xml" }, "Atom feed"),
    ),
    h("details", {}, h("summary", {}, "Alerts for ", topic.name), form),
  );
}

function radio(name: string, value: string, text: string, checked = false): HTMLLabelElement {
  return h("label", { class: "choice" }, h("input", { type: "radio", name, value, checked }), text);
}

function alertForm(topic: Topic, index: number, context: SubscribeContext): HTMLFormElement {
  const statusId = `alert-status-${index}`;
  const emailInput = h("input", {
    name: "email",
    type: "email",
    required: true,
    autocomplete: "email",
    maxlength: 254,
    placeholder: "you@example.org",
  });
  const urlInput = h("input", {
    name: "url",
    type: "url",
    required: true,
    disabled: true,
    maxlength: 2048,
    placeholder: "https://hooks.example.org/tidemark",
  });
  const emailLabel = h("label", { class: "field" }, "Email address", emailInput);
  const urlLabel = h("label", { class: "field", hidden: true }, "Webhook URL (admin token)", urlInput);
  const hours = Array.from({ length: 24 }, (_, hour) =>
    h("option", { value: hour, selected: hour === 8 }, `${String(hour).padStart(2, "0")}:00`),
  );
  const hourSelect = h("select", { name: "digestHour" }, ...hours);
  const hourLabel = h(
    "label",
    { class: "field", hidden: true },
    "Digest at",
    h("span", { class: "inline" }, hourSelect, h("span", { class: "muted" }, context.tz)),
  );
  const status = h("p", { id: statusId, class: "alert-status", role: "status" });
  const secretBox = h("div", { class: "alert-secret", hidden: true });
  const button = h("button", { type: "submit" }, "Subscribe");
  const form = h(
    "form",
    { class: "alert-form", "aria-label": `Alerts for ${topic.name}` },
    h(
      "fieldset",
      {},
      h("legend", {}, "Channel"),
      radio("channel", "email", "Email", true),
      radio("channel", "webhook", "Webhook"),
    ),
    emailLabel,
    urlLabel,
    h(
      "fieldset",
      {},
      h("legend", {}, "Send"),
      radio("mode", "instant", "Each new article", true),
      radio("mode", "digest", "Daily digest"),
      radio("mode", "spike", "Spikes only"),
    ),
    hourLabel,
    button,
    status,
    secretBox,
  );
  const choice = (name: string) => (form.elements.namedItem(name) as RadioNodeList).value;

  /** Shows the address field of the chosen channel, and the hour only for a digest. */
  function syncFields(): void {
    const webhook = choice("channel") === "webhook";
    emailLabel.hidden = webhook;
    emailInput.disabled = webhook;
    urlLabel.hidden = !webhook;
    urlInput.disabled = !webhook;
    hourLabel.hidden = choice("mode") !== "digest";
  }

  function clearInvalid(): void {
    for (const field of form.querySelectorAll("[aria-invalid]")) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    }
  }

  /** Marks the fields a 400 names, so assistive tech reads the message with them, and focuses the first. */
  function markInvalid(fields: readonly string[]): void {
    const named = fields
      .map((name) => form.elements.namedItem(name))
      .filter((field): field is HTMLInputElement | HTMLSelectElement => field instanceof HTMLElement);
    for (const field of named) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", statusId);
    }
    const first = named.find((field) => !field.disabled);
    if (first && !first.closest("[hidden]")) first.focus();
  }

  form.addEventListener("change", syncFields);
  form.addEventListener("input", (event) => (event.target as Element).removeAttribute("aria-invalid"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const channel = choice("channel") as Channel;
    const input: AlertFormInput = {
      topic: topic.slug,
      channel,
      address: channel === "email" ? emailInput.value : urlInput.value,
      mode: choice("mode") as Mode,
      digestHour: Number(hourSelect.value),
      tz: context.tz,
    };
    clearInvalid();
    secretBox.hidden = true;
    secretBox.replaceChildren();
    const token = channel === "webhook" ? context.adminToken() : undefined;
    if (token === null) {
      status.textContent = MISSING_TOKEN;
      context.askForToken();
      return;
    }
    status.textContent = "Subscribing…";
    button.disabled = true;
    subscribe(subscriptionRequest(input), token)
      .then((result) => {
        const outcome = subscribedOutcome(result, input);
        status.textContent = outcome.message;
        if (outcome.secret && "secret" in result) showSecret(secretBox, outcome.secret, result.id);
        (channel === "email" ? emailInput : urlInput).value = "";
      })
      .catch((error: unknown) => {
        const failure = subscribeFailure(error);
        status.textContent = failure.message;
        markInvalid(failure.fields);
        if (failure.needsToken) context.askForToken();
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}

/** The signing secret and cancel token, as selectable text, once: the server keeps no readable copy. */
function showSecret(box: HTMLElement, created: { secret: string; token: string }, id: number): void {
  box.replaceChildren(
    h("p", {}, h("strong", {}, "Store this signing secret now: it is shown only once.")),
    h("code", { class: "secret", "data-secret": "" }, created.secret),
    h(
      "p",
      { class: "muted" },
      "Verify each delivery's webhook-signature with it (Standard Webhooks). To cancel, send DELETE /api/subscriptions/",
      String(id),
      " with Authorization: Bearer and this token:",
    ),
    h("code", { class: "secret" }, created.token),
  );
  box.hidden = false;
}
