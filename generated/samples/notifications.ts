// The TypeScript samples of the operations tagged "Notifications", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, unwrap } from '../../src/index.js';

/** GET /notifications: List notifications by topic */
export async function listNotifications(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const notifications = await unwrap(
    ce.GET('/notifications', {
      params: { query: { 'topics[]': ['churros-topic'] } },
    }),
  );
  console.log(notifications.length);
}

/** POST /notifications: Publish a notification */
export async function createNotification(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const notification = await unwrap(
    ce.POST('/notifications', {
      body: {
        severity: 'low',
        topic: 'churros-topic',
        message: 'this is a test message',
        from: 'churros',
      },
    }),
  );
  console.log(notification.id);
}

/** POST /notifications/subscriptions: Subscribe to topics */
export async function createNotificationSubscription(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const subscription = await unwrap(
    ce.POST('/notifications/subscriptions', {
      body: {
        channel: 'webhook',
        topics: ['churros-topic'],
        config: { url: 'https://events.example.com/receiver' },
      },
    }),
  );
  console.log(subscription.id);
}

/** GET /notifications/subscriptions/deliveries: List notification deliveries */
export async function listNotificationDeliveries(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const deliveries = await unwrap(
    ce.GET('/notifications/subscriptions/deliveries'),
  );
  console.log(deliveries.length);
}

/** PUT /notifications/subscriptions/deliveries: Redeliver queued deliveries */
export async function redeliverNotificationDeliveries(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const deliveries = await unwrap(
    ce.PUT('/notifications/subscriptions/deliveries'),
  );
  console.log(deliveries.length);
}

/** GET /notifications/subscriptions/{id}: Get a subscription */
export async function getNotificationSubscription(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const subscription = await unwrap(
    ce.GET('/notifications/subscriptions/{id}', {
      params: { path: { id: 311 } },
    }),
  );
  console.log(subscription.id);
}

/** DELETE /notifications/subscriptions/{id}: Delete a subscription */
export async function deleteNotificationSubscription(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/notifications/subscriptions/{id}', {
      params: { path: { id: 311 } },
    }),
  );
}

/** GET /notifications/{id}: Get a notification */
export async function getNotification(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const notification = await unwrap(
    ce.GET('/notifications/{id}', { params: { path: { id: 1047 } } }),
  );
  console.log(notification.id);
}

/** DELETE /notifications/{id}: Delete a notification */
export async function deleteNotification(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/notifications/{id}', { params: { path: { id: 1047 } } }),
  );
}

/** PUT /notifications/{id}/acknowledge: Acknowledge a notification */
export async function acknowledgeNotification(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const acknowledge = await unwrap(
    ce.PUT('/notifications/{id}/acknowledge', { params: { path: { id: 1047 } } }),
  );
  console.log(acknowledge.id);
}

/** GET /notifications/{id}/subscriptions/deliveries: List the deliveries of a notification */
export async function listNotificationSubscriptionDeliveries(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const deliveries = await unwrap(
    ce.GET('/notifications/{id}/subscriptions/deliveries', {
      params: { path: { id: 1047 } },
    }),
  );
  console.log(deliveries.length);
}

/** GET /notifications/{id}/subscriptions/{subscriptionId}/deliveries: Get the delivery of a notification to a subscription */
export async function getNotificationSubscriptionDelivery(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const delivery = await unwrap(
    ce.GET('/notifications/{id}/subscriptions/{subscriptionId}/deliveries', {
      params: { path: { id: 1047, subscriptionId: 311 } },
    }),
  );
  console.log(delivery);
}
