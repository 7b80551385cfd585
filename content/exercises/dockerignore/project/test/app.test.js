const request = require('supertest');
const { createApp } = require('../src/app');

test('shortens a link and redirects to it', async () => {
  const app = createApp();
  const created = await request(app).post('/links').send({ url: 'https://example.org/docs' }).expect(201);
  const id = created.body.id;
  await request(app).get(`/${id}`).expect(302).expect('Location', 'https://example.org/docs');
});

test('refuses anything but http(s)', async () => {
  await request(createApp()).post('/links').send({ url: 'javascript:alert(1)' }).expect(400);
});
